package it.osservatorio.contracts;

/** An event published on a Kafka topic for other services and institutions. */
public interface IntegrationEvent {}
