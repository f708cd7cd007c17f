package it.osservatorio.registry.organisation.domain;

/** Size class of an impresa (EU recommendation 2003/361): micro, piccola, media, grande. */
public enum SizeClass {
    MICRO,
    PICCOLA,
    MEDIA,
    GRANDE
}
