package it.osservatorio.projects.call.adapter;

import it.osservatorio.projects.call.domain.Call;
import it.osservatorio.projects.call.domain.CallDetails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV export of calls: {@code ;} as separator, lists separated by {@code |}, dates in Europe/Rome time, the status
 * at the moment of export with its basis; empty cells where nothing is known (never a made-up date).
 */
final class CallCsv {

    static final List<String> COLUMNS = List.of(
            "id",
            "issuer",
            "title",
            "programme",
            "axis",
            "ecosystems",
            "eligibleBeneficiaryTypes",
            "budget",
            "opensAt",
            "deadline",
            "link",
            "status",
            "statusBasis",
            "reportedStatus",
            "reportedStatusNote",
            "synthetic");

    private static final CSVFormat WRITE = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\r\n")
            .get();

    private CallCsv() {}

    static void write(List<Call> calls, Instant now, Writer out) {
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            for (Call call : calls) {
                CallDetails d = call.details();
                printer.printRecord(
                        call.id(),
                        d.issuer(),
                        d.title(),
                        d.programme(),
                        d.axis(),
                        String.join("|", d.ecosystems()),
                        String.join("|", d.eligibleBeneficiaryTypes()),
                        d.budget() == null ? null : d.budget().toPlainString(),
                        CallResponse.rome(d.opensAt()),
                        CallResponse.rome(d.deadline()),
                        d.link(),
                        d.statusAt(now),
                        d.statusBasis(),
                        d.reportedStatus(),
                        d.reportedStatusNote(),
                        d.synthetic());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
