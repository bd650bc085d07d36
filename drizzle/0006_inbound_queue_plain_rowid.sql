PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_inbound_queue` (
	`id` integer PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`key` text NOT NULL,
	`event` text NOT NULL,
	`received_at` integer NOT NULL,
	`processed_at` integer,
	`error` text
);
--> statement-breakpoint
INSERT INTO `__new_inbound_queue`("id", "channel", "key", "event", "received_at", "processed_at", "error") SELECT "id", "channel", "key", "event", "received_at", "processed_at", "error" FROM `inbound_queue`;--> statement-breakpoint
DROP TABLE `inbound_queue`;--> statement-breakpoint
ALTER TABLE `__new_inbound_queue` RENAME TO `inbound_queue`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_queue_channel_key` ON `inbound_queue` (`channel`,`key`);--> statement-breakpoint
CREATE INDEX `inbound_queue_waiting` ON `inbound_queue` (`channel`,`id`) WHERE "inbound_queue"."processed_at" IS NULL;