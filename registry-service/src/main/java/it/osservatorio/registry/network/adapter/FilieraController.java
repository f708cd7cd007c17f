package it.osservatorio.registry.network.adapter;

import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.registry.network.application.NetworkService;
import it.osservatorio.registry.network.domain.NetworkKind;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/filiere")
@Tag(
        name = "Filiere",
        description = "Supply chains (filiere) of the Cremona area, each owned by the institution that registered it")
class FilieraController extends NetworkController {

    FilieraController(NetworkService service) {
        super(service, NetworkKind.FILIERA);
    }
}
