package org.wedops.apm.ingest;

import java.util.List;

/**
 * The answer to a batch: how many samples are on ops.apm.samples.v1, and why each other one was not taken.
 *
 * @param rejected one entry per wrong field of a rejected sample
 */
public record IngestResult(int accepted, List<Rejection> rejected) {

    /** @param index the sample's position in the batch, from 0 */
    public record Rejection(int index, String field, String reason) {
    }
}
