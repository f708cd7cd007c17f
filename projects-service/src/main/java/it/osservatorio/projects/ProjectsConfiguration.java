package it.osservatorio.projects;

import it.osservatorio.contracts.Topics;
import it.osservatorio.platform.outbox.OutboxCollection;
import it.osservatorio.projects.project.application.ProjectService;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class ProjectsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxCollection projectsOutbox() {
        return new OutboxCollection(ProjectService.COLLECTION);
    }

    @Bean
    NewTopic projectsTopic() {
        return compacted(Topics.PROJECTS);
    }

    /** Facts for indicator computation: kept, not compacted. */
    @Bean
    NewTopic projectProgressTopic() {
        return TopicBuilder.name(Topics.PROJECT_PROGRESS)
                .partitions(3)
                .replicas(1)
                .config("retention.ms", "-1")
                .build();
    }

    static NewTopic compacted(String topic) {
        return TopicBuilder.name(topic)
                .partitions(3)
                .replicas(1)
                .compact()
                .config("min.compaction.lag.ms", "60000")
                .build();
    }
}
