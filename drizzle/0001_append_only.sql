-- Progress reports, their lines and the audit log are append-only: a correction is a new row.
CREATE TRIGGER progress_reports_no_update BEFORE UPDATE ON progress_reports
BEGIN SELECT RAISE(ABORT, 'progress_reports is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER progress_reports_no_delete BEFORE DELETE ON progress_reports
BEGIN SELECT RAISE(ABORT, 'progress_reports is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER progress_lines_no_update BEFORE UPDATE ON progress_lines
BEGIN SELECT RAISE(ABORT, 'progress_lines is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER progress_lines_no_delete BEFORE DELETE ON progress_lines
BEGIN SELECT RAISE(ABORT, 'progress_lines is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
