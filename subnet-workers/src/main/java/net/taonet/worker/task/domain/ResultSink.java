package net.taonet.worker.task.domain;

import net.taonet.events.tasks.TaskChunk;
import net.taonet.events.tasks.TaskCompleted;
import net.taonet.events.tasks.TaskFailed;

/** Where answers go ({@code tasks.results}, keyed by task id). Calls for one task come from one thread, in order. */
public interface ResultSink {

    void completed(TaskCompleted completed);

    void failed(TaskFailed failed);

    void chunk(TaskChunk chunk);
}
