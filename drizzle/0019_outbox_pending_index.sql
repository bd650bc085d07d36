DROP INDEX `outbox_status_not_before`;--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`not_before`) WHERE status = 'pending';