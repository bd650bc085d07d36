CREATE TABLE `file_links` (
	`id` text PRIMARY KEY NOT NULL,
	`path` text NOT NULL,
	`name` text NOT NULL,
	`person_id` integer,
	`expires_at` integer NOT NULL,
	`once` integer DEFAULT false NOT NULL,
	`used_at` integer,
	`downloads` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `movements` ADD `board_settings` text;