DROP INDEX `inbound_queue_pending`;--> statement-breakpoint
CREATE INDEX `inbound_queue_waiting` ON `inbound_queue` (`channel`,`id`) WHERE "inbound_queue"."processed_at" IS NULL;