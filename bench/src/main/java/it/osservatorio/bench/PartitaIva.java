package it.osservatorio.bench;

/** Valid Partite IVA for generated organisations: ten digits and the Italian check digit. */
final class PartitaIva {

    private PartitaIva() {}

    static String withCheckDigit(long base) {
        String digits = String.format("%010d", base % 10_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = digits.charAt(i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
