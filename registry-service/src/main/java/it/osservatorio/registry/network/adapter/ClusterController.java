package it.osservatorio.registry.network.adapter;

import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.registry.network.application.NetworkService;
import it.osservatorio.registry.network.domain.NetworkKind;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/clusters")
@Tag(
        name = "Clusters",
        description = "Lombardy technology clusters (e.g. AFIL), each owned by the institution that registered it")
class ClusterController extends NetworkController {

    ClusterController(NetworkService service) {
        super(service, NetworkKind.CLUSTER);
    }
}
