CREATE TABLE `broadcasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`movement_id` integer,
	`text` text NOT NULL,
	`audience` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text NOT NULL,
	`created_by_person_id` integer,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`recipients` integer,
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reminder_escalations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`movement_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`obligation` text NOT NULL,
	`firing_id` integer,
	`ignored` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firing_id`) REFERENCES `reminder_firings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminder_escalations_unit_obligation` ON `reminder_escalations` (`movement_id`,`unit_id`,`obligation`);--> statement-breakpoint
CREATE TABLE `reminder_firings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rule_id` integer NOT NULL,
	`slot_at` integer NOT NULL,
	`deliver_at` integer NOT NULL,
	`fired_at` integer NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`rule_id`) REFERENCES `reminder_rules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminder_firings_rule_slot` ON `reminder_firings` (`rule_id`,`slot_at`);--> statement-breakpoint
CREATE TABLE `reminder_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`firing_id` integer NOT NULL,
	`movement_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`obligation` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`firing_id`) REFERENCES `reminder_firings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`movement_id`) REFERENCES `movements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminder_notices_firing_unit_obligation` ON `reminder_notices` (`firing_id`,`unit_id`,`obligation`);--> statement-breakpoint
CREATE INDEX `reminder_notices_unit` ON `reminder_notices` (`movement_id`,`unit_id`,`obligation`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_broadcast` ON `outbox` (`broadcast_id`);--> statement-breakpoint
ALTER TABLE `reminder_rules` ADD `subject` text DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE `reminder_rules` ADD `label` text;--> statement-breakpoint
ALTER TABLE `reminder_rules` ADD `active_from` integer;