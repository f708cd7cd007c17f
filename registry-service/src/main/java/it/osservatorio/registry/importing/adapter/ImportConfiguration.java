package it.osservatorio.registry.importing.adapter;

import it.osservatorio.registry.importing.application.ImportSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportSettings importSettings(
            @Value("${osservatorio.import.max-size:20MB}") DataSize maxSize,
            @Value("${osservatorio.import.async-threshold:1000}") int asyncThreshold,
            @Value("${osservatorio.import.max-reported-problems:1000}") int maxReportedProblems) {
        return new ImportSettings(maxSize.toBytes(), asyncThreshold, maxReportedProblems);
    }
}
