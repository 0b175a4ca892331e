package uk.cspr.workflow.demo;

import java.util.function.Consumer;

/** One demo case: what it shows, and the script that plays it (see {@link DemoStages}). */
record DemoStage(String shows, Consumer<DemoScript> script) {}
