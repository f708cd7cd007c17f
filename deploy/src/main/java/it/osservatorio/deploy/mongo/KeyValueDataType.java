package it.osservatorio.deploy.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.Comparator;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Index keys stored as H2 stores any object, but ordered by their values in MongoDB's comparison order. Only where
 * two different keys compare equal as values (a rare mix of types) does the serialized form decide, which keeps the
 * order total and two keys the same only when they are equal.
 */
final class KeyValueDataType extends ObjectDataType {

    static final KeyValueDataType INSTANCE = new KeyValueDataType();

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

    private KeyValueDataType() {}

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int shared = Math.min(left.size(), right.size());
            for (int i = 0; i < shared; i++) {
                int byValue = VALUES.compare(left.get(i), right.get(i));
                if (byValue != 0) {
                    return byValue;
                }
            }
            int bySize = Integer.compare(left.size(), right.size());
            if (bySize != 0 || left.equals(right)) {
                return bySize;
            }
        }
        return super.compare(a, b);
    }
}
