DROP INDEX `outbox_broadcast`;--> statement-breakpoint
CREATE INDEX `outbox_broadcast` ON `outbox` (`broadcast_id`) WHERE broadcast_id IS NOT NULL;