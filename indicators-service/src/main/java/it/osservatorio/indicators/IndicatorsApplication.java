package it.osservatorio.indicators;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The pact's indicators: catalogue, targets, observed and computed values. */
@SpringBootApplication
public class IndicatorsApplication {

    public static void main(String[] args) {
        SpringApplication.run(IndicatorsApplication.class, args);
    }
}
