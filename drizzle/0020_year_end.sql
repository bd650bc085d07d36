CREATE TABLE `scoring_criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_id` integer NOT NULL,
	`code` text NOT NULL,
	`section` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`max` real NOT NULL,
	`from_results` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`table_id`) REFERENCES `scoring_tables`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scoring_criteria_table_code` ON `scoring_criteria` (`table_id`,`code`);--> statement-breakpoint
CREATE TABLE `scoring_table_groups` (
	`group_id` integer PRIMARY KEY NOT NULL,
	`table_id` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`table_id`) REFERENCES `scoring_tables`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scoring_table_groups_table` ON `scoring_table_groups` (`table_id`);--> statement-breakpoint
CREATE TABLE `scoring_tables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`movement_id` integer NOT NULL,
	`code` text NOT NULL,
	`flag_quota` integer NOT NULL,
	`certificate_quota` integer NOT NULL,
	`quorum` real NOT NULL,
	`threshold` real NOT NULL,
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scoring_tables_movement_code` ON `scoring_tables` (`movement_id`,`code`);--> statement-breakpoint
CREATE TABLE `year_ends` (
	`movement_id` integer PRIMARY KEY NOT NULL,
	`self_assessment_by` text NOT NULL,
	`cluster_meeting_by` text NOT NULL,
	`dossier_deadline` text NOT NULL,
	`council_on` text NOT NULL,
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE cascade
);
