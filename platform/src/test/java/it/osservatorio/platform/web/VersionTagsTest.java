package it.osservatorio.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionTagsTest {

    @Test
    void shouldReadTheVersionWhenIfMatchIsStrongOrWeakTag() {
        assertThat(VersionTags.ifMatch("\"3\"", "organisation")).hasValue(3);
        assertThat(VersionTags.ifMatch(" W/\"12\" ", "organisation")).hasValue(12);
        assertThat(VersionTags.etag(7)).isEqualTo("\"7\"");
    }

    @Test
    void shouldSetNoPreconditionWhenIfMatchIsAbsentOrStar() {
        assertThat(VersionTags.ifMatch(null, "organisation")).isEmpty();
        assertThat(VersionTags.ifMatch("  ", "organisation")).isEmpty();
        assertThat(VersionTags.ifMatch("*", "organisation")).isEmpty();
    }

    @Test
    void shouldNameHeaderAndResourceWhenIfMatchIsNotAVersion() {
        assertThatThrownBy(() -> VersionTags.ifMatch("\"abc\"", "membership"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("the membership's version");
    }
}
