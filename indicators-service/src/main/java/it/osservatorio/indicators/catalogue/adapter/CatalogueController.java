package it.osservatorio.indicators.catalogue.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.contracts.indicators.IndicatorDirection;
import it.osservatorio.contracts.indicators.IndicatorValueChanged.Kind;
import it.osservatorio.contracts.indicators.SeriesKey;
import it.osservatorio.indicators.catalogue.domain.Axis;
import it.osservatorio.indicators.catalogue.domain.Catalogue;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.catalogue.domain.Periodicity;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.ConflictException;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Indicator catalogue", description = "The pact's 8 axes and 24 indicators, computed and added indicators")
class CatalogueController {

    private final Catalogue catalogue;
    private final MongoAddedIndicators added;

    CatalogueController(Catalogue catalogue, MongoAddedIndicators added) {
        this.catalogue = catalogue;
        this.added = added;
    }

    record IndicatorView(
            String code,
            int seq,
            String nameIt,
            String nameEn,
            int axis,
            String axisName,
            String unit,
            IndicatorDirection direction,
            Periodicity periodicity,
            BigDecimal minValue,
            BigDecimal maxValue,
            Kind kind,
            String origin,
            String source,
            String note,
            String territory,
            Object formula) {}

    @GetMapping("/axes")
    @Operation(summary = "The 8 strategic axes of the pact")
    List<Axis> axes() {
        return catalogue.axes();
    }

    @GetMapping("/indicators")
    @Operation(summary = "The catalogue: the pact's 24 indicators as printed, then the computed and added ones")
    List<IndicatorView> indicators(
            @RequestParam(required = false) Integer axis, @RequestParam(required = false) String kind) {
        List<FieldProblem> problems = new ArrayList<>();
        if (axis != null && catalogue.axis(axis).isEmpty()) {
            problems.add(new FieldProblem("axis", "must be an axis of the pact, 1 to 8"));
        }
        Kind kindFilter = null;
        if (kind != null) {
            try {
                kindFilter = Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("kind", "must be OBSERVED or COMPUTED"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        Kind selected = kindFilter;
        return catalogue.all().stream()
                .filter(i -> axis == null || i.axis() == axis)
                .filter(i -> selected == null || i.kind() == selected)
                .map(this::view)
                .toList();
    }

    @GetMapping("/indicators/{code}")
    @Operation(summary = "One indicator of the catalogue")
    IndicatorView indicator(@PathVariable String code) {
        return catalogue.find(code).map(this::view).orElseThrow(() -> new ResourceNotFoundException("Indicator", code));
    }

    record NewIndicator(
            String code,
            String nameIt,
            String nameEn,
            Integer axis,
            String unit,
            IndicatorDirection direction,
            Periodicity periodicity,
            BigDecimal minValue,
            BigDecimal maxValue,
            String source,
            String note) {}

    @PostMapping("/indicators")
    @Operation(summary = "Adds an observed indicator (admin only)")
    ResponseEntity<IndicatorView> add(@RequestBody NewIndicator body) {
        CallerIdentity caller = CallerIdentity.require();
        caller.requireAdmin("Adding an indicator");
        List<FieldProblem> problems = new ArrayList<>();
        if (body.code() == null || !SeriesKey.CODE.matcher(body.code()).matches()) {
            problems.add(
                    new FieldProblem("code", "must be 2 to 40 upper-case letters, digits and dashes, e.g. IND-25"));
        }
        if (body.nameIt() == null || body.nameIt().isBlank()) {
            problems.add(new FieldProblem("nameIt", "is required"));
        }
        if (body.axis() == null || catalogue.axis(body.axis()).isEmpty()) {
            problems.add(new FieldProblem("axis", "must be an axis of the pact, 1 to 8"));
        }
        if (body.direction() == null) {
            problems.add(new FieldProblem("direction", "is required: HIGHER_IS_BETTER or LOWER_IS_BETTER"));
        }
        if (body.source() == null || body.source().isBlank()) {
            problems.add(new FieldProblem("source", "is required: where the values will come from"));
        }
        if (body.minValue() != null
                && body.maxValue() != null
                && body.minValue().compareTo(body.maxValue()) > 0) {
            problems.add(new FieldProblem("maxValue", "must not be less than minValue"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        if (catalogue.find(body.code()).isPresent()) {
            throw new ConflictException(
                    "Indicator " + body.code() + " exists already", URI.create("/indicators/" + body.code()));
        }
        Indicator indicator = new Indicator(
                body.code(),
                0,
                body.nameIt().trim(),
                body.nameEn(),
                body.axis(),
                body.unit() == null || body.unit().isBlank()
                        ? null
                        : body.unit().trim(),
                body.direction(),
                body.periodicity() == null ? Periodicity.YEAR : body.periodicity(),
                body.minValue(),
                body.maxValue(),
                Kind.OBSERVED,
                body.source().trim(),
                body.note(),
                "ADDED",
                null,
                null);
        added.insert(indicator, caller.institutionId());
        catalogue.add(indicator);
        return ResponseEntity.created(URI.create("/indicators/" + indicator.code()))
                .body(view(indicator));
    }

    private IndicatorView view(Indicator i) {
        return new IndicatorView(
                i.code(),
                i.seq(),
                i.nameIt(),
                i.nameEn(),
                i.axis(),
                catalogue.axisName(i.axis()),
                i.unit(),
                i.direction(),
                i.periodicity(),
                i.minValue(),
                i.maxValue(),
                i.kind(),
                i.origin(),
                i.source(),
                i.note(),
                i.territory(),
                i.formula());
    }
}
