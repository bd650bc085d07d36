CREATE TABLE `ballots` (
	`vote_id` integer NOT NULL,
	`voter_unit_id` integer NOT NULL,
	`candidate_unit_id` integer NOT NULL,
	`approve` integer NOT NULL,
	`written` integer DEFAULT false NOT NULL,
	`cast_by` integer,
	`cast_at` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `voter_unit_id`, `candidate_unit_id`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`voter_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cast_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cross_score_lines` (
	`cross_scoring_id` integer NOT NULL,
	`criterion_code` text NOT NULL,
	`points` real NOT NULL,
	PRIMARY KEY(`cross_scoring_id`, `criterion_code`),
	FOREIGN KEY (`cross_scoring_id`) REFERENCES `cross_scorings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `cross_scorings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`scorer_unit_id` integer NOT NULL,
	`scored_unit_id` integer NOT NULL,
	`assigned_by` integer,
	`assigned_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`scorer_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scored_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cross_scorings_pair` ON `cross_scorings` (`group_id`,`scorer_unit_id`,`scored_unit_id`);--> statement-breakpoint
CREATE TABLE `dossier_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`item` text NOT NULL,
	`file_name` text NOT NULL,
	`stored_path` text NOT NULL,
	`bytes` integer NOT NULL,
	`received_by` integer,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`received_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_files_proposal` ON `dossier_files` (`proposal_id`,`item`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`movement_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`title` text NOT NULL,
	`group_id` integer,
	`vote_id` integer,
	`declared` text DEFAULT '{}' NOT NULL,
	`proposed_by` integer,
	`proposed_at` integer NOT NULL,
	`withdrawn_at` integer,
	`outcome` text,
	`decision_number` text,
	`decided_on` text,
	`decision_recorded_by` integer,
	`decision_recorded_at` integer,
	`notified_at` integer,
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_recorded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_movement_unit_title` ON `proposals` (`movement_id`,`unit_id`,`title`);--> statement-breakpoint
CREATE TABLE `score_lines` (
	`sheet_id` integer NOT NULL,
	`criterion_code` text NOT NULL,
	`self` real,
	`prefilled` integer DEFAULT false NOT NULL,
	`evidence_kind` text,
	`evidence_ref` text,
	`note` text,
	`adjusted_to` real,
	`adjust_reason` text,
	`adjusted_by` integer,
	`adjusted_at` integer,
	PRIMARY KEY(`sheet_id`, `criterion_code`),
	FOREIGN KEY (`sheet_id`) REFERENCES `score_sheets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`adjusted_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `score_sheets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer,
	`sent_by` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_sheets_group_unit` ON `score_sheets` (`group_id`,`unit_id`);--> statement-breakpoint
CREATE TABLE `vote_candidates` (
	`vote_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`position` integer NOT NULL,
	`total` real,
	`rank` integer,
	PRIMARY KEY(`vote_id`, `unit_id`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `vote_members` (
	`vote_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `unit_id`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`title` text NOT NULL,
	`quorum` real NOT NULL,
	`threshold` real NOT NULL,
	`ends_on` text NOT NULL,
	`opened_by` integer,
	`opened_at` integer NOT NULL,
	`closed_on` text,
	`closed_at` integer,
	`closed_by` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`opened_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `votes_group` ON `votes` (`group_id`);--> statement-breakpoint
CREATE TABLE `written_opinions` (
	`vote_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`note` text NOT NULL,
	`recorded_by` integer,
	`recorded_at` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `unit_id`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `year_ends` ADD `confirmations` text DEFAULT '[]' NOT NULL;