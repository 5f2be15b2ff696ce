/**
 * What an operator sees of the service: each stage of an upload and of a question is a Micrometer
 * {@link io.micrometer.observation.Observation} (a timer on {@code /actuator/prometheus}, a span when tracing is on),
 * and the time a stage took, as the API reports it, is read from that same stage. Below every feature package: it
 * knows none of them.
 */
package dev.groundwork.observe;
