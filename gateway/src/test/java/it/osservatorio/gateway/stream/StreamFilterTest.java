package it.osservatorio.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.platform.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

class StreamFilterTest {

    static final String PROJECT = "it.osservatorio.projects.project.changed.v1";
    static final String ORGANISATION = "it.osservatorio.registry.organisation.changed.v1";

    static LiveEvent event(String type, String subject, String payload) {
        return new LiveEvent(
                "t",
                0,
                1,
                type,
                "{\"id\":\"e\",\"type\":\"" + type + "\",\"subject\":\"" + subject + "\",\"version\":1,\"payload\":"
                        + payload + "}");
    }

    @Test
    void shouldMatchProjectOfAxisWhenFilteringByAxisAndKind() {
        StreamFilter filter = StreamFilter.parse("1,3", "project", null);
        LiveEvent project = event(PROJECT, "prj-1", "{\"axis\":3,\"partners\":[{\"organisationId\":\"org-7\"}]}");

        assertThat(filter.accepts(project)).isTrue();
        assertThat(filter.accepts(event(PROJECT, "prj-2", "{\"axis\":5}"))).isFalse();
        assertThat(filter.accepts(event(ORGANISATION, "org-1", "{\"legalName\":\"X\"}")))
                .isFalse();
    }

    @Test
    void shouldMatchPartnerAndOrganisationItselfWhenFilteringByOrganisation() {
        StreamFilter filter = StreamFilter.parse(null, null, "org-7");

        assertThat(filter.accepts(
                        event(PROJECT, "prj-1", "{\"axis\":3,\"partners\":[{\"organisationId\":\"org-7\"}]}")))
                .isTrue();
        assertThat(filter.accepts(event(ORGANISATION, "org-7", "null"))).isTrue();
        assertThat(filter.accepts(event(ORGANISATION, "org-8", "{\"organisationId\":\"org-8\"}")))
                .isFalse();
    }

    @Test
    void shouldMatchWholeTypeOrSegmentsWhenFilteringByKind() {
        assertThat(StreamFilter.parse(null, "call.opened", null)
                        .accepts(event("it.osservatorio.projects.call.opened.v1", "c", "{}")))
                .isTrue();
        assertThat(StreamFilter.parse(null, "call.opened", null)
                        .accepts(event("it.osservatorio.projects.call.closed.v1", "c", "{}")))
                .isFalse();
        assertThat(StreamFilter.parse(null, PROJECT, null).accepts(event(PROJECT, "p", "{}")))
                .isTrue();
        assertThat(StreamFilter.parse(" ", "", null).acceptsAll()).isTrue();
    }

    @Test
    void shouldNameEachInvalidFilterWhenValuesAreWrong() {
        assertThatThrownBy(() -> StreamFilter.parse("0,x", "a b", null))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).problems())
                        .extracting(p -> p.field())
                        .containsExactly("axis", "axis", "kinds"));
    }
}
