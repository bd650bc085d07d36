CREATE TABLE `inbound_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`key` text NOT NULL,
	`event` text NOT NULL,
	`received_at` integer NOT NULL,
	`processed_at` integer,
	`error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_queue_channel_key` ON `inbound_queue` (`channel`,`key`);--> statement-breakpoint
CREATE INDEX `inbound_queue_pending` ON `inbound_queue` (`processed_at`,`id`);--> statement-breakpoint
CREATE TABLE `zalo_tokens` (
	`id` integer PRIMARY KEY NOT NULL,
	`access_token` text NOT NULL,
	`refresh_token` text NOT NULL,
	`expires_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
