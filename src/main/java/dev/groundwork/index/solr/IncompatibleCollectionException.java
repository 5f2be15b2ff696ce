package dev.groundwork.index.solr;

/** A Solr collection that Groundwork is told to use does not fit its index (its fields, its vectors' size). */
public class IncompatibleCollectionException extends RuntimeException {

    public IncompatibleCollectionException(String message) {
        super(message);
    }
}
