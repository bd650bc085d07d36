ALTER TABLE `invites` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `movements` ADD `final_review_on` text;--> statement-breakpoint
ALTER TABLE `people` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `registration_versions` ADD `note` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `deadline_on` text;