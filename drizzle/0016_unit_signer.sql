ALTER TABLE `units` ADD `signer_title` text;--> statement-breakpoint
ALTER TABLE `units` ADD `signer_name` text;