// FlotillaSaga: saga definitions, orchestrator, SagaStore protocol and recovery (in progress).
