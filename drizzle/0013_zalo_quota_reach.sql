CREATE TABLE `zalo_quota_ledger` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`month` text NOT NULL,
	`recipient` text NOT NULL,
	`kind` text NOT NULL,
	`quota_type` text,
	`remain` integer,
	`total` integer
);
--> statement-breakpoint
CREATE INDEX `zalo_quota_ledger_month` ON `zalo_quota_ledger` (`month`,`kind`);--> statement-breakpoint
CREATE INDEX `zalo_quota_ledger_recipient` ON `zalo_quota_ledger` (`recipient`,`at`);--> statement-breakpoint
ALTER TABLE `movements` ADD `reach_order` text DEFAULT 'telegram,zalobot,zns,call' NOT NULL;--> statement-breakpoint
ALTER TABLE `units` ADD `phone` text;