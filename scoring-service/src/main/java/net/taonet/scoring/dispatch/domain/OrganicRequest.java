package net.taonet.scoring.dispatch.domain;

/** An app's request for a subnet's task type: the task type's own challenge JSON and how long to wait at most. */
public record OrganicRequest(int netuid, String taskType, String payload, long timeoutMillis) {
}
