CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`job` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`stored_path` text,
	`done_at` integer,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `jobs_pending` ON `jobs` (`channel`,`id`) WHERE "jobs"."done_at" IS NULL;