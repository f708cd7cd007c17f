package it.osservatorio.projects.project.adapter;

import it.osservatorio.projects.call.application.CallService;
import it.osservatorio.projects.project.application.CallDirectory;
import org.springframework.stereotype.Component;

@Component
class PublishedCallDirectory implements CallDirectory {

    private final CallService calls;

    PublishedCallDirectory(CallService calls) {
        this.calls = calls;
    }

    @Override
    public boolean exists(String callId) {
        return calls.find(callId).isPresent();
    }
}
