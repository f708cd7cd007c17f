package it.osservatorio.registry.importing.application;

/**
 * @param maxBytes the largest file accepted
 * @param asyncThreshold files with more rows than this run as a job
 * @param maxReportedProblems at most this many row problems are listed in a report; all are counted
 */
public record ImportSettings(long maxBytes, int asyncThreshold, int maxReportedProblems) {}
