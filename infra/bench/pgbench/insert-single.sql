-- One event per transaction: ~100-byte metadata, 400-byte payload, random identifiers.
INSERT INTO bench_events (aggregateidentifier, sequencenumber, type, eventidentifier,
                          metadata, payload, payloadrevision, payloadtype, timestamp)
VALUES ('bench/development/r' || :client_id || '/a0-' || gen_random_uuid(), 0, 'Action',
        gen_random_uuid()::text,
        convert_to(repeat('{"traceId":"0123456789abcdef"}', 3), 'UTF8'),
        convert_to(repeat('{"phase":"RUNNING","v":12345}', 14), 'UTF8'),
        NULL, 'io.aloft.domain.action.ActionEventRecorded', now()::text);
