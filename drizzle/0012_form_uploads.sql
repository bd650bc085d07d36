CREATE TABLE `form_uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`identity_id` integer,
	`form` text NOT NULL,
	`registration_id` integer NOT NULL,
	`period_id` integer,
	`file_name` text NOT NULL,
	`stored_path` text,
	`received_at` integer NOT NULL,
	`reading` text NOT NULL,
	`applied_at` integer,
	FOREIGN KEY (`identity_id`) REFERENCES `identities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `reporting_periods`(`id`) ON UPDATE no action ON DELETE no action
);
