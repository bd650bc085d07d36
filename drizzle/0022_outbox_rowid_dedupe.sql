PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`dedupe_key` text NOT NULL,
	`person_id` integer,
	`identity_id` integer,
	`channel` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`not_before` integer NOT NULL,
	`last_error` text,
	`rule_id` integer,
	`broadcast_id` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`sent_at` integer,
	`claimed_at` integer,
	`claimed_by` text,
	`reply` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`identity_id`) REFERENCES `identities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rule_id`) REFERENCES `reminder_rules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_outbox`("id", "dedupe_key", "person_id", "identity_id", "channel", "payload", "status", "attempts", "not_before", "last_error", "rule_id", "broadcast_id", "created_at", "sent_at", "claimed_at", "claimed_by", "reply") SELECT "id", "dedupe_key", "person_id", "identity_id", "channel", "payload", "status", "attempts", "not_before", "last_error", "rule_id", "broadcast_id", "created_at", "sent_at", "claimed_at", "claimed_by", "reply" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`not_before`) WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe` ON `outbox` (`dedupe_key`) WHERE reply = 0;--> statement-breakpoint
CREATE INDEX `outbox_broadcast` ON `outbox` (`broadcast_id`) WHERE broadcast_id IS NOT NULL;