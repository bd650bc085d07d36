# Trợ lý Thi đua — English.
# Variables are written { $name }. Lines starting with a space continue the message above.

## Shared names

role-admin = Emulation and Commendation Board officer (admin)
role-cluster_head = Cluster/block head
role-liaison = Unit liaison
role-viewer = Leader (read only)

unit-kind-so = Department
unit-kind-ban-nganh = Agency
unit-kind-doan-the = Mass organisation
unit-kind-huyen = District or city
unit-kind-xa = Commune or ward
unit-kind-doanh-nghiep = Enterprise
unit-kind-khac = Other

registration-status = { $status ->
    [none] Not registered
    [draft] Not sent
    [submitted] Awaiting review
    [returned] Returned
   *[approved] Approved
  }

review-action = { $action ->
    [submit] submit
    [approve] approve
   *[return] return
  }

## Configuration

config-invalid = The configuration is invalid, so the program stops. Fix these environment variables (or the .env file):
  { $problems }
config-bad-timezone = not a known IANA time zone, e.g. Asia/Ho_Chi_Minh
config-bad-host-list = must be host names separated by commas, e.g. zdn.vn,zadn.vn
config-bad-address-list = must be IP addresses separated by commas, e.g. 127.0.0.1
config-bad-health-token = must be 16–256 letters, digits or - _ . ~ + / =
config-bad-telegram-token = does not look like a token from @BotFather (123456:ABC…)
config-bad-zalo-app-id = must be the numeric app id
config-bad-backup-at = must be a time as HH:MM (e.g. 02:30) or off
config-got = (got "{ $value }")
config-half-setup = { $messenger } is only half set up: { $set } is set but { $missing } is missing. Set the missing variables, or leave { $set } empty to turn { $messenger } off.
messenger-telegram = Telegram
messenger-zalo = Zalo OA
messenger-zalobot = Zalo Bot Platform

## Domain errors

err-registration-transition = A registration that is "{ registration-status }" cannot be { $action ->
    [submit] submitted
    [approve] approved
   *[return] returned
  }.
err-registration-locked = The registration is "{ registration-status }", so it cannot be edited.
err-registration-empty = The registration has no targets yet, so it cannot be sent.
err-registration-unknown = Registration not found.
err-return-needs-reason = Give a reason for returning it, so the unit knows what to fix.
err-target-needs-plan = A quantitative target needs a planned value and a direction (at least / at most).
err-text-blank = The text is empty once spaces and invisible characters are removed.
err-title-not-offered = The title "{ $title }" is not one this unit registers with the province.
err-titles-alternatives = Choose either Advanced Labour Collective or Excellent Labour Collective, not both.
err-extension-not-later = The extended deadline ({ $until }) must come after the current one ({ $from }).
err-extension-too-late = A deadline cannot be extended past the movement's final review ({ $latest }).
err-reopen-needs-reason = Reopening a registration needs a reason, so the unit knows what to change.
err-reopen-not-approved = Only an approved registration can be reopened (this one is { registration-status }).
err-target-unknown = Target not found.
err-area-unknown = That content area does not belong to this movement.
err-unit-unknown = There is no unit with code "{ $code }".
err-invite-needs-unit = An invite for the { $role } role must name a unit (--unit).
err-movement-unknown = There is no movement with code "{ $code }".
err-no-movement = No movement is open yet. Load one first (thidua load-sample or thidua import-movement).
err-period-unknown = That reporting period does not belong to this movement.
err-report-empty = The report has no target with a result.

## Checking a movement file (JSON)

def-bad-date = expected a date as YYYY-MM-DD
def-not-a-date = not a real calendar date
def-bad-code = a code uses letters, digits, "-", "_" or "." only
def-quantitative-needs-plan = a quantitative target needs "measure" and "planned"
def-ends-before-start = ends before it starts
def-deadline-outside = the registration deadline must fall within the movement
def-final-review-before-end = the final review cannot come before the movement ends
def-duplicate = { $what ->
    [area] content area number used twice
    [unit] unit code used twice
    [group] group code used twice
    [criterion] criterion code used twice
    [table] scoring table code used twice
    [confirmation] confirmation code used twice
   *[period] period code used twice
  }
def-member-twice = unit { $unit } is already a member of { $group }
def-role-not-member = { $unit } is not a member of this group
def-no-area = there is no content area number { $area }
def-share = expected a share above 0 and at most 1 (0.8 is 80%)
def-positive = expected a number above 0
def-year-end-date-order = the year-end dates must come in order: self-assessment, cluster meeting, dossier deadline, Council
def-group-two-tables = group { $group } already has scoring table { $table }
def-results-only-score = only a "score" criterion can be filled from the year's results
def-no-group = there is no group with code { $group } in the file
def-unknown-unit = no unit with code { $unit } (neither in the file nor in the database)

## Importing units (CSV, XLSX)

import-missing-column = A "code" or "name" column is missing. Columns found: { $columns }
import-bad-code = unit code "{ $value }" is not valid (plain letters, digits, "-", "_", ".")
import-missing-name = the unit's name is missing
import-duplicate-code = code { $value } was already used on line { $line }
import-missing-kind = the kind of unit is missing and cannot be told from the name
import-bad-kind = unknown kind of unit "{ $value }" (so, ban-nganh, doan-the, huyen, xa, doanh-nghiep, khac)
import-bad-role = unknown role "{ $value }" (head, deputy, or empty)
import-role-without-group = a head/deputy role is given but no cluster/block
import-bad-date = date "{ $value }" is not valid (dd/mm/yyyy)
import-dates-reversed = valid-to is before valid-from
import-two-holders = { $group } already has { $unit } in this role

## The admin command line (thidua)

cli-usage = Usage: thidua <command> [options]   (or: npm run cli -- <command>)
  Commands:
cli-global-options = Options for every command: --json (machine-readable output)  --lang vi|en  --db <file.db>  --help
cli-unknown-command = There is no command "{ $name }".
cli-bad-option = Invalid option: { $detail }
cli-missing-argument = The argument <{ $name }> is missing.
cli-progress = … { $done }/{ $total } done
cli-help-migrate = Create or upgrade the database
cli-help-load-sample = Load the sample movement (Nam Định province, 2020)
cli-help-import-movement = Import a movement definition from JSON (a broken file is refused whole)
cli-help-import-units = Import units, clusters and blocks from a CSV or XLSX file
cli-help-invite = Create a single-use invite code for a unit and role
cli-help-status = Show where a movement's registrations stand, or a period's reports (--period)
cli-help-extend = Extend the registration deadline for all units or one (--until, --unit, --reason)
cli-help-reopen = Reopen a unit's approved registration (--unit, --reason)
cli-help-backup = Back up the database to a file (also while the bot runs)
cli-option-import-movement-dry-run = Only check the file, write nothing
cli-option-extend-until = The new deadline, e.g. 15/04/2020
cli-option-extend-period = Reporting period code (e.g. H2020-1): extend that period's report for the --unit instead of registration
cli-option-extend-unit = Code of the unit given more time (none: every unit)
cli-option-extend-reason = Why (recorded in the audit log)
cli-option-extend-movement = Movement code (default: the open movement)
cli-option-reopen-unit = Code of the unit whose registration is reopened
cli-option-reopen-reason = Why (the unit will see it)
cli-option-reopen-movement = Movement code (default: the open movement)
cli-extend-usage = Usage: thidua extend --until 15/04/2020 [--unit CODE] [--period PERIOD-CODE --unit CODE] [--reason "…"]
cli-reopen-usage = Usage: thidua reopen --unit CODE --reason "…"
cli-extended-period = Extended the report for { $period } for { $unit } from { $from } to { $until }.
cli-extended = Registration deadline extended { $all ->
    [yes] for every unit
   *[no] for { $unit }
  } from { $from } to { $until }.
cli-reopened = Reopened the registration of { $unit } (version { $version }).
cli-option-import-units-movement = Code of the movement the clusters belong to (default: the open one)
cli-option-import-units-sheet = Name of the sheet to read (default: the first)
cli-option-import-units-dry-run = Only show what would change, write nothing
cli-option-invite-unit = Unit code, e.g. SNV
cli-option-invite-role = liaison (default), cluster_head, admin or viewer
cli-option-invite-name = Full name of the person invited (optional)
cli-option-invite-phone = The invitee's phone (shown to whoever urges the unit)
cli-option-invite-days = Days the code stays valid (default 14)
cli-option-status-movement = Movement code (default: the open one)
cli-option-status-period = Reporting period code, e.g. H2020-1 (first half): show how that period's reports stand instead of registration
cli-migrate-done = Database { $path } is ready ({ $count } migrations applied).
cli-file-unreadable = Cannot read the file { $path }.
cli-json-syntax = JSON syntax error at column { $column } ({ $code })
cli-file-refused = The file { $path } was refused and nothing was written. { $count } problems:
cli-file-problem = {"  "}line { $line } [{ $field }]: { $message }
cli-import-valid = The file { $path } is valid (dry run, nothing written).
cli-default-reminders = Created { $count } default reminders (see: thidua reminders list; pause: thidua reminders pause).
cli-movement-imported = Imported movement { $code } ({ $change ->
    [created] new
    [updated] updated
   *[unchanged] unchanged
  }): { $areas } content areas, { $periods } reporting periods; units: { $unitsCreated } new, { $unitsUpdated } updated; clusters/blocks: { $groupsCreated } new, { $groupsUpdated } updated; { $targets } sample targets.
cli-table-unsupported-format = { $path } is neither CSV nor XLSX (an old .xls file: open it in Excel and save it as .xlsx).
cli-table-unreadable = Cannot read { $path } (damaged or missing).
cli-table-no-header = { $path } has no header row.
cli-table-duplicate-header = { $path } has a header used twice: { $detail }
cli-sheet-unknown = There is no sheet "{ $sheet }". Sheets: { $sheets }
cli-plan-unit-create = + new unit { $code }: { $name }
cli-plan-unit-update = ~ { $code }: { $field } "{ $before }" → "{ $after }"
cli-plan-group-create = + new cluster/block { $code } ({ $name }): { $members }
cli-plan-group-update = ~ cluster/block { $code } ({ $name }): { $members }
cli-units-dry-run = Dry run: { $created } new units, { $updated } updated, { $same } unchanged, { $groups } clusters/blocks changed. Nothing written.
cli-units-imported = Imported: { $created } new units, { $updated } updated, { $same } unchanged, { $groups } clusters/blocks changed.
cli-bad-role = Role "{ $role }" is not valid. Choose one of: { $roles }
cli-bad-days = "{ $value }" is not a valid number of days (1 to 365).
cli-invite-created = Invite code: { $code }  ({ $role }, unit { $unit }, valid until { $expires }, single use)
cli-invite-link = Telegram link: { $link }
cli-invite-no-link = No Telegram bot is configured: the person sends "/start { "{" }code{ "}" }" to the bot.
cli-invite-no-link-unreachable = Could not ask Telegram for the bot's name just now: the person sends "/start { "{" }code{ "}" }" to the bot.
cli-status-title = { $code } — { $name } (registration deadline { $deadline })
cli-status-total = Whole province
cli-status-by-group = By cluster and block:
cli-status-by-kind = By kind of unit:
cli-status-no-group = (in no cluster/block)
cli-status-line = {"  "}{ $label }: { $units } units — not registered { $none }, not sent { $draft }, awaiting review { $submitted }, returned { $returned }, approved { $approved }; sent late { $submittedLate }, overdue, not sent { $overdue }
cli-status-period-title = { $code } — report for { $period } (due { $due }), as of { $today }
cli-status-period-line = {"  "}{ $label }: { $units } units — on time { $onTime }, sent late { $late }, overdue, not sent { $overdue }, not yet due { $notDue }
cli-status-period-named = { $state ->
    [late] Sent late
   *[overdue] Overdue, not sent
  } ({ $count }): { $units }
cli-status-late = { $kind ->
    [overdue] Overdue, not sent
   *[submitted_late] Sent late
  } ({ $count }): { $units }
cli-backup-done = Backed up to { $path } ({ $size } KB); the copy passed an integrity check.
cli-backup-exists = { $file } already exists: not overwritten. Choose another name, or add --force to overwrite that older backup.
cli-backup-not-database = { $file } is not an SQLite database: not overwritten. Choose another name.
cli-backup-not-a-file = { $file } is a folder, not a file. Give a file name, e.g. { $file }/thidua-backup.db
cli-backup-is-database = { $file } is the database in use ({ $path }): it cannot be backed up over itself. Choose another name.
cli-backup-failed = Could not back up to { $file }: { $detail }
cli-option-backup-force = overwrite a backup already at that path
cli-help-restore = Restore the database from a backup (stop the bot first; the replaced database is kept beside it)
cli-restore-missing = There is no file { $file }.
cli-restore-unreadable = { $file } is not a readable SQLite database; nothing restored. ({ $detail })
cli-restore-damaged = { $file } is damaged (it fails the integrity check); nothing restored: { $detail }
cli-restore-foreign = { $file } is not a backup of Trợ lý Thi đua; nothing restored.
cli-restore-newer = { $file } was made by a newer version of the program; nothing restored. Upgrade the program first.
cli-restore-schema = { $file } holds schema objects (tables, indexes, triggers, views) that differ from the program's database: { $detail }. Not restored; nothing was changed.
cli-restore-bot-running = The bot is running on { $path }: stop it first (e.g. systemctl stop thidua-bot), then restore.
cli-restore-done = Restored { $path } from { $file }. The replaced database is kept as { $kept }.
cli-restore-done-new = Restored { $path } from { $file }.
cli-restore-migrated = The backup was older than the program: { $count } more migrations applied.
cli-restore-zalo-tokens-kept = Kept the replaced database's newer Zalo token pair (its refresh token can be used only once).
cli-restore-failed = Restoring from { $file } failed ({ $detail }); { $path } is left as it was.
cli-help-inbound = Incoming messages that failed to be handled: list them (--failed) or handle them again (--retry)
cli-option-inbound-failed = List the failed messages with their error (the default)
cli-option-inbound-retry = Handle the failed messages again, each once, in each person's order
cli-inbound-none = No incoming message has failed.
cli-inbound-title = { $count } incoming { $count ->
    [one] message
   *[other] messages
  } failed to be handled:
cli-inbound-line = {"  "}#{ $id } · { $at } · { $channel } · { $sender }: "{ $text }" — { $error }
cli-inbound-unreadable = (content unreadable)
cli-inbound-choice = pressed button { $choice }
cli-inbound-file = (a file)
cli-inbound-retried = Handled again: { $handled }; still failing: { $failed }; waiting because an earlier message of the same person still fails: { $waiting }.
cli-inbound-jobs = Done { $count } pending { $count ->
    [one] job
   *[other] jobs
} (exports, documents, forms sent in).
cli-inbound-replies-now = The replies are queued; the running bot sends them now.
cli-inbound-replies-at-start = The replies are queued; the bot sends them when it starts (npm start).
cli-help-doctor = Check the configuration and the bot's state, and say what to fix
doctor-timezone-ok = Time zone { $tz }; it is now { $now }.
doctor-timezone-other = The time zone is { $tz } (it is now { $now }): deadlines, quiet hours and dates follow it. Provinces of Viet Nam use TZ=Asia/Ho_Chi_Minh.
doctor-database-ok = The database { $path } can be read and written ({ $migrations } migrations applied).
doctor-database-damaged = The database { $path } is damaged ({ $detail }). Stop the bot and restore the latest backup: npx thidua restore <file>
doctor-disk-ok = { $free } MB free on the disk.
doctor-bot-running = The bot is running on this database.
doctor-bot-stopped = The bot is not running on this database (start it: npm start, or systemctl start thidua-bot).
doctor-files-private = The database, backups, received files and exports are readable by the bot's user only (files 600, folders 700).
doctor-files-open = { $count } private files/folders are readable by other users of this machine: { $paths }. Restart the bot to have it tighten them, or: chmod -R go-rwx <data folder>
doctor-inbound-failed = { $failed } incoming { $failed ->
    [one] message that failed earlier still waits.
   *[other] messages that failed earlier still wait.
  } See them: npx thidua inbound --failed; once the cause is fixed: npx thidua inbound --retry
doctor-telegram-off = Telegram: not configured (TELEGRAM_BOT_TOKEN is empty).
doctor-telegram-ok = Telegram: the bot token is valid (@{ $username }).
doctor-telegram-token-refused = Telegram refuses the bot token ({ $error }): it was revoked or mistyped. Get a new one from @BotFather, put it in TELEGRAM_BOT_TOKEN and restart the bot.
doctor-telegram-unreachable = Telegram cannot be reached at { $root } ({ $error }). Check the Internet connection, the firewall and TELEGRAM_API_ROOT.
doctor-telegram-polling = Telegram: the bot uses long polling (no webhook needed).
doctor-telegram-webhook-ok = Telegram: the webhook is registered at { $url }.
doctor-telegram-webhook-missing = Telegram: no webhook registered at { $url } (Telegram has: { $actual }). Restart the bot so that it registers it, and check that the address is reachable from the Internet over HTTPS.
doctor-telegram-webhook-error = Telegram cannot deliver to { $url }: "{ $error }" ({ $pending } updates waiting). Check the HTTPS proxy and the bot's HTTP_PORT.
doctor-zalo-off = Zalo OA: not configured (ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY).
doctor-zalo-no-tokens = Zalo OA: no tokens stored. Get a token pair from Zalo for Developers and run: npx thidua zalo-tokens --access … --refresh …
doctor-zalo-ok = Zalo OA: the access token is valid (OA "{ $name }", expires at { $at }, the bot refreshes it). The OA's webhook must point at https://<your host>/zalo/webhook.
doctor-zalo-token-expired = Zalo OA: the access token expired at { $at }; a running bot refreshes it at its next call. If the bot runs and this stays, get a new pair: npx thidua zalo-tokens --access … --refresh …
doctor-zalo-token-refused = Zalo refuses the access token ({ $error }). Get a new token pair from Zalo for Developers and run: npx thidua zalo-tokens --access … --refresh …
doctor-zalo-unreachable = Zalo cannot be reached at { $base } ({ $error }). Check the Internet connection and the firewall.
doctor-backup-ok = Latest backup: { $path } (at { $at }); the latest { $keep } are kept.
doctor-backup-none = No backup yet in { $dir }. A running bot backs up daily; back up now: npx thidua backup
doctor-backup-old = The latest backup is old (at { $at }: { $path }). Check that the bot runs, and BACKUP_AT, BACKUP_DIR.
doctor-backup-off = Scheduled backups are off (BACKUP_AT=off). Set a time, e.g. BACKUP_AT=02:30.
doctor-summary-ok = All is well.
doctor-summary-warn = Nothing is broken; { $count } { $count ->
    [one] thing
   *[other] things
  } worth a look (marked !).
doctor-summary-fail = { $count } { $count ->
    [one] thing
   *[other] things
  } to fix (marked ✗).

## Conversations: common

conv-step = Step { $index }/{ $total }.
conv-step-open = Step { $index }.
conv-stale-button = That button belongs to an earlier question and no longer works. Please answer the current one:
conv-unreadable-message = The bot can read text, buttons, photos and files (PDF, Word, Excel) only. Please type your answer.
conv-unreadable-unlinked = The bot reads text, buttons, photos and files only. To use the emulation assistant, please send the invite code the Emulation and Rewards Board gave you (like ABCDE-1234567); if you have none, please contact the Board.
conv-flow-changed = The conversation you were in has been updated, so it starts again; everything saved before is kept.
conv-expired = Your previous conversation was idle for too long and was closed; everything saved is kept.
conv-nothing-to-cancel = Nothing is in progress. Type /menu to see what you can do.
conv-cancelled = Stopped. Everything saved before is kept. Type /menu to choose something else.
conv-back-at-start = This is already the first step.
conv-file-not-expected = No file or photo is needed at this step. Please answer the question:
conv-unknown-command = There is no command "{ $command }". Type /help to see the commands.
conv-help-liaison = Commands:
conv-help-answering = While answering: { $commands }.
# /help lists the commands of a person's role (chat/commands.ts), each with its line here; $role picks the words where roles see different things.
help-cmd-status = { $role ->
    [admin] the movement at a glance, by cluster, block and unit
    [cluster_head] the units of your cluster or block
   *[other] the movement at a glance (read only)
  }
help-cmd-review = approve or return the registrations waiting
help-cmd-late = { $role ->
    [admin] units that have not sent their registration, urge all or some
   *[other] units that have not sent their registration, urge them
  }
help-cmd-broadcast = send an announcement to units, see its delivery
help-cmd-invite = create an invite code for a unit's officer
help-cmd-register = register your unit's emulation targets
help-cmd-report = report results for a period
help-cmd-myunit = { $role ->
    [liaison] where your unit stands
   *[other] your own unit
  }
help-cmd-regform = download the registration (Word) for the head of the unit to sign
help-cmd-signer = position and name of who signs the registration
help-cmd-export = { $role ->
    [admin] export the figures as Excel (XLSX) or CSV, or a Word document: the report to the People's Committee, a unit's registration
    [cluster_head] export your cluster's figures
   *[other] export the figures to Excel, or a report as a Word document
  }
help-cmd-menu = what you can do
help-cmd-lang = { $role ->
    [liaison] change language (Tiếng Việt / English)
   *[other] change language
  }
help-cmd-nozns = stop reminders by Zalo ZNS messages to your phone number
help-cmd-back = previous step
help-cmd-cancel = stop
help-cmd-help = help for the current step
conv-help-unlinked = To use the assistant, send the invite code the Emulation and Commendation Board gave your unit, e.g. /start ABCDE-1234567
conv-help-commands = (/back: previous step · /cancel: stop)
choice-expected = Please pick one of the options below (press a button, or type its number or name).
choice-skip = Skip
choice-no = No
choice-yes-delete = Yes, delete
who-is = { $name } — { $role }{ $hasUnit ->
    [yes] , { $unit }
   *[no] {""}
  }
menu-prompt = What would you like to do?
menu-register = Register targets
menu-report = Report results
menu-myunit = My unit
menu-lang = Ngôn ngữ / Language
menu-pick-help = Pick what to do. You can type its number, e.g. 1.
menu-offered-help = Pick what to do next. You can type its number, e.g. 1.
err-no-movement-chat = No emulation movement is open at the moment. Please contact the Emulation and Commendation Board.
number-invalid = I could not read that number. Type it as usual, e.g. 25, 1.234,5 or 98,5%.
number-ambiguous = "{ $first }" could mean { $first } (thousands) or { $second } (a decimal). Which one do you mean?
number-help = Type a number: a dot separates thousands and a comma the decimals (1.234,5). You may add % (98,5%).
number-other-unit = This target is counted in { $measure }; "{ $unit }" is another unit. Please type the figure in { $measure }, e.g. 25 or 25 { $measure }.
number-converted = (converted from { $typed })
date-invalid = I could not read that date. Type day/month/year, e.g. 31/3, 31/03/2020 or "ngày 31 tháng 3".
text-blank = There is nothing readable in that message (only spaces or invisible characters). Please type the text again.
date-help = Type a date as day/month/year: 31/12, 31/12/2020 or "ngày 31 tháng 12". Without a year, the movement's year is used.
note-expected = Please type a note, or pick Skip if there is none.

## Conversations: linking the account

link-welcome = Welcome to the Emulation Assistant of the province's Emulation and Commendation Board.
link-code-prompt = Please send the invite code the Board gave you (like ABCDE-1234567).
link-code-help = An invite code has 12 letters and digits and is issued to each person by the Board. If you have none, please contact the Board.
link-code-expected = Please type the invite code (letters and digits).
link-not-a-code = An invite code has 12 letters and digits, like ABCDE-1234567. If you have none, please contact the Emulation and Commendation Board.
link-greeting = Hello. To use the Emulation Assistant, each officer needs an invite code from the Board of Emulation and Commendation (like ABCDE-1234567). If you have one, send it here; if not, please contact the Board.
link-done = Your account is linked. Hello { $name } — { $role }{ $hasUnit ->
    [yes] , { $unit }
   *[no] {""}
  }.
link-already = Hello { $name }{ $hasUnit ->
    [yes] {" "}({ $unit })
   *[no] {""}
  }. This account is already linked.
link-malformed = That is not a code (12 letters and digits, e.g. ABCDE-1234567). { $left } tries left.
link-unknown = That code is not right, or does not exist. Please check each character. { $left } tries left.
link-used = That code has been used already. Each code works once; ask the Board for a new one. { $left } tries left.
link-expired = That code has expired; ask the Board for a new one. { $left } tries left.
link-code-locked = That code was locked after too many wrong tries; ask the Board for a new one. { $left } tries left.
link-locked = Too many wrong codes. Please try again in { $minutes } minutes, or contact the Emulation and Commendation Board.

## Conversations: language

lang-prompt = Chọn ngôn ngữ / Choose a language:
lang-set = From now on the assistant answers in English.
language-pick-help = Choose Tiếng Việt or English.

## Conversations: registering targets

reg-not-allowed = Only a unit's liaison can register and report.
reg-intro = Registering the emulation targets of { $unit }. Each target takes a few short questions.
reg-header = Emulation registration — { $unit }
  { $movement } · Status: { registration-status } · Deadline: { $deadline }
reg-returned-reason = ⚠ The Board returned the registration. Reason: { $reason }
reg-titles-line = Titles sought: { $titles }
reg-menu-prompt = What next?
reg-menu-add = Add a target
reg-menu-edit = Edit a target
reg-menu-delete = Delete a target
reg-menu-titles = Titles sought
reg-menu-submit = Submit the registration
reg-menu-later = Later (saved)
register-menu-help = Add all the targets, choose the titles, then press "Submit the registration". Every change is saved at once.
reg-saved-for-later = Saved. To continue later, type /register.
reg-locked = The registration is "{ registration-status }", so it cannot be edited now. To change it, contact the Board to reopen it.
reg-area-prompt = Which content area does this target belong to?
reg-area-expected = Please pick a content area from the list (type its number or a few words of its name).
register-area-help = The movement's nine main content areas, as the launching document lists them. Pick the closest.
reg-text-prompt = What is the target? (e.g. Share of communes meeting the advanced new-rural standard)
register-text-help = Write the target briefly, as on the paper registration form.
reg-text-too-short = Too short: at least { $min } characters.
reg-text-too-long = That is { $length } characters long; at most { $max }.
reg-kind-prompt = Is the target quantitative (a planned figure) or qualitative?
register-kind-help = Quantitative: has a planned figure (25%, 100 products…). Qualitative: done or not (e.g. a bridge opened).
target-kind-quantitative = Quantitative
target-kind-qualitative = Qualitative
reg-measure-prompt = What is the unit of measure? Pick one below or type another.
register-measure-help = The unit of the planned figure: %, products, communes, works, billion VND, people…
reg-measure-invalid = Please pick or type a unit of measure (at most 30 characters), e.g. %, sản phẩm, tỷ đồng.
reg-planned-prompt = What is the planned figure, in { $measure }?
reg-planned-negative = The figure cannot be negative.
reg-read-as = ✔ Recorded: { $amount }
reg-direction-prompt = The target is met when the result is…
register-direction-help = "At least": the higher the better (rates, products). "At most": the lower the better (accidents…).
direction-at_least = At least the plan
direction-at_most = At most the plan
reg-due-prompt = When is it due? Type a date (e.g. 30/9) or pick:
reg-due-end = End of the movement ({ $date })
reg-due-outside = The due date must fall within the movement, from { $start } to the final review on { $end }.
reg-due-past = { $date } has already passed. Keep this due date, or choose another?
reg-due-keep = Keep { $date }
reg-due-retype = Type another date
reg-due-after-end = ⚠ This falls after the movement ends ({ $end }); the result will be judged at the final review (by { $review }).
reg-date-read-as = ✔ Date recorded: { $date }
reg-note-prompt = Any note (optional):
register-note-help = The note goes in the "Note" column of the registration. If none, pick Skip.
reg-keep = Keep: { $value }
reg-target-summary = Target:
  • Content area: { $area }
  • Target: { $text }
  • Kind: { $kind }
  • Plan: { $plan }
  • Due: { $due }
  • Note: { $note }
reg-confirm-prompt = Save this target?
register-confirm-help = Pick "Save" to add it to the registration, "Start over" to answer again, or use /back to change the last answer.
reg-confirm-save = Save
reg-confirm-redo = Start over
reg-confirm-drop = Drop this target
reg-target-saved = ✔ Target saved.
reg-target-dropped = Dropped; that target was not saved.
reg-pick-edit = Which target do you want to edit?
register-pick_edit-help = Pick the target to edit; each question then offers "Keep".
reg-pick-delete = Which target do you want to delete?
register-pick_delete-help = Pick the target to delete; you will be asked to confirm.
reg-confirm-delete = Delete the target "{ $text }"?
register-confirm_delete-help = Pick "Yes, delete" to delete it or "No" to keep it.
reg-target-deleted = Target deleted.
reg-titles-prompt = Which titles does the unit aim for? Press to select or unselect, then press "Done". Choose either Advanced or Excellent Labour Collective, not both; a Certificate of Merit from the unit's own head is not registered with the province.
reg-title-history = • { $title }: registered by the unit in { $years }{ $consecutive ->
    [0] {""}
   *[other] {" "}({ $consecutive } consecutive years up to last year)
  }.
register-titles-help = You may pick several titles. Press one again to unselect it.
reg-titles-done = Done
reg-titles-ask = This registration seeks no title yet. Which title does the unit seek? Pick one (more can be added next), or "No title sought".
reg-titles-none = No title sought
register-titles_ask-help = The Board needs to know whether the unit seeks a title. Pick a title, or "No title sought" to send the targets alone.
reg-titles-saved = ✔ Titles saved.
reg-submit-prompt = Send this registration to the Emulation and Commendation Board?
register-submit-help = Once sent, the registration waits for the Board's review and cannot be edited unless the Board returns or reopens it.
register-submit_note-help = A short note for the Board to read with the registration, or pick Skip.
register-locked-help = The registration is approved. To change it, pick "Ask the Board to reopen it" and say what needs changing.
register-reopen_reason-help = Say which targets or titles need changing, and why.
reg-submit-send = Send
reg-submit-with-note = Send with a note to the Board
reg-submit-note-prompt = A note to the Board with the registration (e.g. targets added as the Board asked):
reg-ask-reopen = 🔓 Ask the Board to reopen it for changes
reg-reopen-reason-prompt = What does the unit need to change? (The Board will get this request.)
reg-reopen-requested = ✔ Your request to reopen the registration was sent to the Board. You will be told when it is reopened.
reg-reopen-request-notice = 🔓 { $unit } asks to reopen its approved registration for changes: { $reason }
  Open the unit with /status to reopen it.
reg-submit-not-yet = Not yet
reg-submitted = ✔ Registration sent (version { $version }). Status: Awaiting review.{ $late ->
    [yes] {" "}It is recorded as late (deadline { $deadline }).
   *[no] {""}
  } The Board will tell you the outcome.
reg-admin-notice = 📥 { $unit } has sent its emulation registration (version { $version }, { $count } targets){ $late ->
    [yes] , late
   *[no] {""}
  }. Status: Awaiting review.{ $hasNote ->
    [yes] {" "}Note: { $note }
   *[no] {""}
  }

title-tap-the-lao-dong-tien-tien = Advanced Labour Collective
title-tap-the-lao-dong-xuat-sac = Excellent Labour Collective
title-giay-khen = Certificate of commendation
title-bang-khen-ubnd-tinh = Certificate of merit of the Provincial People's Committee chair
title-co-thi-dua-ubnd-tinh = Emulation flag of the Provincial People's Committee
title-bang-khen-thu-tuong = Certificate of merit of the Prime Minister
title-co-thi-dua-chinh-phu = Emulation flag of the Government

target-qualitative = Done
target-plan = { $direction ->
    [at_most] ≤
   *[at_least] ≥
  } { $amount }
target-line = { $index }. (Area { $area }) { $text } — plan: { $plan }; due { $due }{ $hasNote ->
    [yes] ; { $note }
   *[no] {""}
  }
target-list-empty = (No targets yet.)

## Conversations: reporting results

period-quarter = Quarter { $roman }/{ $year }
period-half = { $half ->
    [first] First half of { $year }
   *[second] Second half of { $year }
  }
period-year = Year { $year }
period-month = Month { $month }/{ $year }
rep-register-first = The unit must send its registration before reporting results.
rep-period-prompt = Which period are you reporting for?
report-period-help = Pick the reporting period. Each shows its due date.
rep-period-choice = { $label } (due { $due })
rep-period-choice-past = { $label } (due { $due }, passed)
rep-correction = This period already has { $count } report(s) (latest { $when }). The new one will be a correction; earlier ones are kept.
rep-target-heading = Target { $index }/{ $total }: { $text } (plan: { $plan })
rep-value-prompt = { $kind ->
    [rate] What rate has been reached by the end of the period, in { $measure }?
    [year] What is the result for the whole year, in { $measure }?
   *[other] What is the result, in { $measure }?
  } If there is no figure yet, pick Skip.
rep-value-thousandfold = ⚠ { $amount } is { $above ->
    [yes] about { $factor } times
   *[no] only about 1/{ $factor } of
  } the plan ({ $plan }); the unit may be mixed up (đồng, triệu đồng, tỷ đồng). Keep this figure or type it again?
rep-value-keep = Keep { $amount }
rep-value-retype = Type again
report-value-help = Type the result. The next question asks whether it is this period only or a running total.
rep-qualitative-prompt = How far has this target come?
rep-skipped = Skipped this target.
rep-cumulative-prompt = The figure you typed is:
report-cumulative-help = "Running total" is the sum since the start of the year; for "this period only" the assistant adds earlier periods.
rep-cumulative-period = This period only
rep-cumulative-total = Running total for the year
rep-evidence-prompt = Send evidence: a photo, a document or a link (https://…).
rep-evidence-none = No evidence
report-evidence-help = You can take a photo, send a PDF/Word file, or paste a link to a document.
rep-evidence-expected = Please send a photo, a file, or a link starting with https://
rep-evidence-too-big = The file is too large (at most { $max } MB). Please send a smaller file or a link.
rep-evidence-received = ✔ Evidence received.
rep-note-prompt = A note on this target:
rep-note-none = No note
report-note-help = A short note on the result; if none, pick "No note".
rep-extra-heading = Target { $index }: { $text }
rep-extra-pick = Add evidence or a note to which target?
report-extra_pick-help = Pick the target to send evidence (a photo, a file, a link) or a note with; you then come back to the summary.
rep-extra-back = Back to the summary
rep-summary-title = Summary of the report for { $period }:
rep-confirm-prompt = Send this report?
report-confirm-help = Pick "Send the report" to save it, "Add evidence / a note" to attach one to a target, or "Start over" to answer again from the first target. To change one figure, type its line, e.g. "2: 4".
rep-confirm-send = Send the report
rep-confirm-extra = Add evidence / a note
rep-confirm-redo = Start over
rep-nothing-reported = No target has a result, so there is nothing to send. Pick "Start over" or /cancel.
rep-saved = ✔ Report for { $period } sent to the Board ({ $count } targets{ $revision ->
    [1] {""}
   *[other] , correction no. { $revision }
  }).
result-line = { $amount } ({ result-share }, { $assessment })
result-line-in-progress = { $amount } ({ result-share }; in progress, { $time } of the time passed)
result-share = { $ceiling ->
    [yes] at { $percent } of the ceiling planned
   *[no] { $percent } of plan reached
  }
result-none = no result yet
result-amount-added = { $total } = { $value } this period + { $earlier } before
assessment = { $assessment ->
    [exceeded] exceeded
    [met] met
    [in_progress] in progress
    [not_started] not started
   *[not_met] not met
  }
qualitative-state = { $state ->
    [not_started] Not started
    [in_progress] In progress
    [met] Done
    [exceeded] Done with distinction
   *[not_met] Not done
  }

## Conversations: my unit

myunit-no-unit = Your account is not attached to a unit.
myunit-title = { $unit } · { $group }
  { $movement }
myunit-status = Registration: { registration-status }{ $version ->
    [0] {""}
   *[other] {" "}(version { $version }, sent { $submitted })
  }{ $late ->
    [yes] {" "}— late
   *[no] {""}
  } · Deadline: { $deadline }
myunit-progress = Latest results:

## Conversations: admins, leaders, cluster heads

conv-help-admin = Commands of the Emulation and Commendation Board:
conv-help-cluster_head = Commands of a cluster/block head:
conv-help-viewer = Commands:
menu-status = Movement status
menu-review = Review registrations
menu-late = Units not sent
menu-invite = Create an invite
scope-refused = You may not see that unit.
scope-admin-only = This is for officers of the Emulation and Commendation Board only.
scope-urge-only = This is for the Board and for cluster/block heads.
st-title = { $movement } · Registration deadline { $deadline }{ $passed ->
    [yes] {" "}(passed)
   *[no] {""}
  }
st-total = Total
st-by-group = By cluster and block:
st-by-kind = By kind of unit:
st-counts = { $label }: { $units } units — ✅ { $approved } approved, 🕓 { $submitted } awaiting review, ↩️ { $returned } returned, ✏️ { $draft } not sent, ⚪ { $none } not registered; ⏰ { $submittedLate } sent late, ⛔ { $overdue } overdue, not sent
st-progress = {"   "}Targets: { $exceeded } exceeded, { $met } met, { $inProgress } in progress, { $notMet } not met, { $notReported } not reported
lateness = { $kind ->
    [overdue] overdue, not sent
   *[submitted_late] sent late
  }
st-pick = Pick a cluster or block to see its units, or find a unit.
st-search = Find a unit
st-search-prompt = Type a unit's code or name (accents optional), e.g. SNV or hai hau.
st-not-found = No unit matches "{ $query }".
st-matches = Several units match. Pick one:
st-page = Page { $page }/{ $pages }
st-prev = ◀ Previous
st-next = Next ▶
st-back = ⬅ Back
st-extend-all = ⏳ Extend the registration deadline for all
st-extend-unit = ⏳ Extend the registration deadline for this unit
st-reopen = 🔓 Reopen the registration
st-extend-prompt = Extend the registration deadline { $all ->
    [yes] for every unit
   *[no] for this unit
  } to which date? Current deadline: { $deadline }. Type a date, e.g. 15/4.
st-extended = ✔ Registration deadline extended { $all ->
    [yes] for every unit
   *[no] for the unit
  } to { $deadline }. Reminders follow the new date; the liaisons were told.
stp-extend-unit = ⏳ Give this unit more time for this report
stp-extend-prompt = Until which day may this unit send the report for { $period }? Now due: { $deadline }. Type a date, e.g. 20/7.
stp-extended = ✔ The unit's report for { $period } is now due { $deadline }; its liaisons have been told.
stp-extended-notice = ⏳ The Board of Emulation and Commendation extended your unit's report for { $period } to { $deadline }.
st-extended-notice = ⏳ The Board of Emulation and Commendation extended your unit's registration deadline to { $deadline }.
st-reopen-prompt = Why is the registration reopened (the unit will see it)?
st-reopened = ✔ Registration reopened; the unit was told.
st-reopened-notice = 🔓 The Board of Emulation and Commendation reopened your unit's registration (version { $version }) for changes. Reason: { $reason }
  Please edit it and send it again.
st-view-registration = 📋 Registration
st-view-period = 📅 { $period }
stp-title = 📅 Report for { $period } · due { $due }{ $passed ->
    [yes] {" "}(passed)
   *[no] {""}
  } · as of { $today }
stp-counts = { $label }: { $units } units — ✅ { $onTime } on time, ⏰ { $late } sent late, ⛔ { $overdue } overdue, not sent, ⏳ { $notDue } not yet due
stp-named = { $state ->
    [late] ⏰ Sent late
   *[overdue] ⛔ Overdue, not sent
  } ({ $count }): { $units }
stp-named-day = { $unit } ({ $day })
stp-more = {" "}and { $count } more units
stp-nobody = No unit reports on this period yet: none has sent a registration with targets.
stp-by-area = Targets by content area (results for this period):
stp-area = {"  "}{ $number }. { $area }: { $exceeded } exceeded, { $met } met, { $inProgress } in progress, { $notMet } not met, { $notReported } not reported
stp-state = { $state ->
    [on_time] sent on time on { $day }
    [late] sent late on { $day }
    [overdue] overdue, not sent
   *[not_due] not sent, not yet due
  }
stp-unit-title = { $unit } — report for { $period } (due { $due })
stp-unit-not-in-period = This unit does not report on { $period }: it has not sent a registration with targets.
stp-target = {"  "}{ $number }. { $text }: { $outcome ->
    [exceeded] exceeded
    [met] met
    [inProgress] in progress
    [notMet] not met
   *[notReported] not reported
  }
status-browse-help = Pick a cluster, block or unit to see details; type a unit's code or name to find it.
status-search-help = Type a unit code (SNV) or a few words of its name (noi vu).
status-matches-help = Pick a unit from the list.
status-unit-help = Pick "Back" to return to the list.
status-reopen-help = Give a specific reason; the unit gets it with the notice.
status-extend-help = Type the new date as day/month, e.g. 15/4; it must come after the current deadline.
rev-none = No registration is waiting for review.
rev-list = { $count } registrations await review (page { $page }/{ $pages }). Pick one to see it:
rev-version = version { $version }
rev-detail = Registration of { $unit } — version { $version }, sent { $submitted }{ $late ->
    [yes] , late
   *[no] {""}
  }
rev-changes-title = Changes since version { $previous }:
rev-changes-note = The unit's note: { $note }
rev-changes-none = (No change to targets or titles.)
rev-changes-added = + Added: { $text }
rev-changes-removed = − Removed: { $text }
rev-changes-changed = ~ Changed: { $text } — { $changes }
rev-changes-field = { $field ->
    [contentAreaId] area
    [text] wording
    [kind] kind
    [measure] unit of measure
    [plannedValue] plan
    [direction] direction
    [dueOn] due date
   *[note] note
  } { $before } → { $after }
rev-changes-titles-added = + Titles added: { $titles }
rev-changes-titles-removed = − Titles removed: { $titles }
rev-decide = Approve or return this registration?
rev-approve = ✅ Approve
rev-return = ↩️ Return
rev-reason-prompt = Reason for returning it (the unit will get it, to fix the registration):
rev-reason-expected = Please give the reason (at least 5 characters).
rev-approved = ✔ Approved; the unit has been told.
rev-returned = ✔ Returned; the unit has been told, with the reason.
rev-approved-notice = ✅ The Emulation and Commendation Board approved your unit's registration (version { $version }).
rev-returned-notice = ↩️ The Emulation and Commendation Board returned your unit's registration (version { $version }). Reason: { $reason }
  Please correct it and send it again.
review-list-help = Pick a registration to see it and decide.
review-decide-help = "Approve" accepts it; "Return" asks for a reason for the unit.
review-reason-help = Give a precise reason, e.g. no target on administrative reform.
late-title-passed = The registration deadline ({ $deadline }) has passed; { $count } units have not sent their registration:
late-title-open = Registration deadline { $deadline }; { $count } units have not sent their registration:
late-more = … and { $count } more units.
late-none = Every unit has sent its registration.
late-urge-prompt = Send an urging message to the liaisons of these units?
late-nobody-to-urge = None of these units has anybody to receive messages (nobody has linked an account), so the assistant cannot urge them: please call them at the numbers above, or make an invite code for their liaison with /invite.
late-urge-all = Urge them all ({ $count } units with someone to receive it)
late-urge-pick = Choose units to urge
late-pick-prompt = Choose the units to urge (press again to unselect), or type unit codes, e.g. SYT, HHH.
late-pick-send = 📤 Send ({ $count } units)
late-pick-expected = Please choose a unit or type the code of a unit in the list.
late-not-urged = No reminder sent.
late-urged = { $reached ->
    [0] { $already ->
        [0] No unit could be urged.
       *[other] Nothing more was sent: { $already } units were urged today already (one message a unit a day).
      }
   *[other] ✔ Urged { $reached } units.{ $already ->
        [0] {""}
       *[other] {" "}{ $already } other units were urged today already and were not sent it again.
      }
  }{ $unreached ->
    [0] {""}
   *[other] {" "}{ $unreached } units have nobody to receive messages: { $codes }.
  }
late-confirm-help = Each unit gets at most one urge a day about each thing it owes (the registration, each period's report), however often the button is pressed.
late-pick-help = Press each unit to choose or unchoose it, then press "Send".
urge-notice = ⏰ { $unit } is requested to send its emulation registration for { $year } without delay (due { $deadline }, { $when ->
    [future] { $days } days left
    [today] today is the last day
   *[past] { $days } days overdue
  }). Press the button below to register.
late-what-prompt = Urge the units that have not sent what?
late-what-help = Choose the registration or a period's report (the period being reported first); the assistant lists the units that have not sent it, with their liaison and phone.
late-what-registration-choice = 📝 Registration ({ $count } units not sent)
late-what-report-choice = 📊 Report for { $period } ({ $count } units not sent)
late-what-registration = the registration
late-what-report = the report for { $period }
late-report-standing = Report not sent · { $state ->
    [overdue] overdue, not sent
   *[other] not yet due
  }
late-report-title-passed = The report for { $period } was due { $deadline }; { $count } units have not sent it:
late-report-title-open = The report for { $period } is due { $deadline }; { $count } units have not sent it:
late-none-all = Every unit has sent its registration and the reports asked for so far.
late-none-for = No unit is left that has not sent { $what }.
late-urged-at = { $code } at { $time }
late-urged-already = Urged today already: { $list }.
urge-report-notice = ⏰ { $unit } is requested to send its emulation progress report for { period-label } without delay (due { $deadline }, { $when ->
    [future] { $days } days left
    [today] today is the last day
   *[past] { $days } days overdue
  }). Press the button below to report.
period-label = { $periodKind ->
    [quarter] { period-quarter }
    [half] { period-half }
    [year] { period-year }
    [month] { period-month }
   *[other] { $code }
  }
inv-role-prompt = An invite for which role?
invite-role-help = A liaison registers and reports; a cluster/block head reads and urges their cluster; a leader only reads. Admin invites are made with the command line only.
inv-unit-prompt = For which unit? Type its code or name.
inv-unit-pick = Several units match. Pick one:
invite-unit-help = Type the unit code (HHH) or a few words of its name (hai hau).
inv-unit-chosen = ✔ Unit: { $unit }
inv-name-prompt = Full name of the person invited (if known):
inv-name-expected = Please type a name (2 to 100 characters) or pick Skip.
invite-name-help = A name helps the Board see who used the code; it can be skipped.
inv-created = Invite code: { $code }
  { $role }, unit { $unit }, single use, valid until { $expires }.{ $hasLink ->
    [yes] {"\u000A"}Telegram link: { $link }
   *[no] {""}
  }
  The person sends "/start { $code }" to the bot (or opens the link).
tg-cmd-status = Movement status
tg-cmd-review = Review registrations
tg-cmd-late = Units not sent, urge
tg-cmd-invite = Create an invite
menu-export = Export figures and documents (Excel, Word)
scope-export-only = This is for the Board, leaders and cluster/block heads.
exp-format-prompt = Export the movement's figures as?
exp-xlsx = Excel (XLSX), one workbook
exp-csv = CSV, one file per sheet
export-format-help = XLSX opens in Excel or LibreOffice; CSV is for other software.
exp-started = Preparing the { $format } file… It will be sent here when ready (this may take a few minutes).
exp-ready = 📊 Figures of { $movement } ({ $files } files).
exp-failed = The export failed because of a fault on the assistant's side. Please try again later.
chart-started = Drawing { $charts ->
    [1] the chart
   *[other] { $charts } charts
}… The picture will be sent here when ready.
chart-not-enough-data = No chart drawn: it needs the figures of at least 2 units (there are { $units }).
chart-failed = The chart could not be drawn because of a fault on the assistant's side. Please try again later.
st-chart = 📊 Chart
tg-cmd-export = Export the figures (Excel, CSV) and the reports (Word)
menu-broadcast = Send an announcement
tg-cmd-broadcast = Send an announcement to units
bc-audience-prompt = Send the announcement to whom?
broadcast-audience-help = Pick all units, the units that have not sent their registration, the units that have not sent (or have sent) the report of a period, a cluster or block, or a kind of unit. It goes to their liaisons and cluster heads.
bc-audience-all = All units
bc-audience-unsent = Units that have not sent their registration
bc-audience-report-missing = Units that have not sent the report for { $period }
bc-audience-report-sent = Units that have sent the report for { $period }
bc-audience-kind = Units of kind: { $kind }
bc-text-prompt = The announcement (at most { $max } characters):
broadcast-text-help = Keep it short: what to do, by when.
bc-text-expected = Please type the announcement (at least 5 characters).
bc-preview-audience = Audience: { $audience }.
bc-preview = The announcement goes to { $units } units; it reaches { $reached } units ({ $people } people){ $unreached ->
    [0] {""}
   *[other] ; { $unreached } units have nobody with a linked account and will not get it
  }{ $noAccount ->
    [0] {""}
   *[other] {" "}({ $noAccount } people have no linked account)
  }:
  ———
  { $text }
  ———
  Send it now?
broadcast-confirm-help = "Send" sends it now; "Edit" to rewrite it; "Cancel" to drop it.
bc-send = 📤 Send
bc-edit = ✏️ Edit the text
bc-cancel = Cancel
bc-cancelled = Cancelled, nothing sent.
bc-queued = ✔ { $queued } messages queued for delivery; how it goes is below (press "Refresh" to see it again).
bc-report = Delivery: { $total } messages — ✅ { $sent } sent, 🕓 { $pending } waiting, ❌ { $failed } failed, 📵 { $unreachable } unreachable.
broadcast-report-help = Press "Refresh" to see the delivery again.
bc-problem-failed = failed to send
bc-problem-unreachable = unreachable
bc-refresh = 🔄 Refresh
bc-done = Done
bc-closed = Delivery report closed.

## Telegram

tg-file-refused-type = This kind of file is not accepted as evidence. Please send a photo, a PDF, Word or Excel file, or a link.
tg-file-refused-size = The file is too large (at most 20 MB). Please send a smaller file or a link.
tg-internal-error = Something went wrong on the assistant's side; nothing was saved and your message is kept. Please try again in a few minutes.
tg-stale-button = That button belongs to an earlier question.
tg-group-only-private = The Emulation Assistant works in private chats only. Please write to the bot directly: { $link }
tg-cmd-start = Start, link your account with an invite code
tg-cmd-help = Help and commands
tg-cmd-lang = Change language (Tiếng Việt / English)
tg-cmd-register = Register emulation targets
tg-cmd-report = Report results for a period
tg-cmd-myunit = Where your unit stands
tg-cmd-menu = What you can do
tg-cmd-back = Back one step
tg-cmd-cancel = Stop what you are doing
start-telegram-polling = Telegram: bot @{ $username } is receiving messages (long polling).
start-telegram-webhook = Telegram: bot @{ $username } receives messages through the webhook { $url }.
start-telegram-conflict = Another process is already running this Telegram bot (Telegram answered 409). Stopping so the two do not fight over messages.
start-zalo-webhook = Zalo OA: receiving messages through the webhook POST /zalo/webhook on port { $port }.
config-bad-webhook-secret = letters, digits, "_" and "-" only, 16 to 256 characters

## Start-up (npm start)

start-database = Database: { $path } ({ $count } migrations applied).
start-database-in-use = The database { $path } is being restored (thidua restore). Wait until it is done, then start again.
start-movement = Open movement: { $code } — { $name }.
start-no-movement = No movement yet. Load the sample one: npm run cli -- load-sample
start-telegram-on = Telegram: configured (TELEGRAM_BOT_TOKEN).
start-telegram-off = Telegram: not configured (set TELEGRAM_BOT_TOKEN to turn it on).
start-zalo-on = Zalo OA: configured (ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY).
start-zalo-off = Zalo OA: not configured (set ZALO_APP_ID, ZALO_APP_SECRET and ZALO_OA_SECRET_KEY to turn it on).

## Terminal chat

console-welcome = Trợ lý Thi đua — a trial chat right on this computer, without Telegram or Zalo.
  Data is written to the file { $path }; movement: { $movement }.
  Type /as SNV to act as the liaison of Sở Nội vụ, /as admin to act as an officer of the Emulation and Rewards Board (who is notified when units submit), /as alone for more unit codes.
  Commands: /help, /quit. Answer questions with the option's number or its name.
console-welcome-short = Trial chat on the file { $path } ({ $movement }). Commands: /as SNV, /as admin, /help, /quit.
console-no-movement = no movement yet
console-sample-loaded = The database had no movement, so the sample movement { $code } — { $name } was loaded.
console-prompt = You>
console-liaison-name = Liaison officer ({ $code })
console-admin-name = Administrator (Emulation and Rewards Board)
console-as-person = You are now acting as: { $name } — { $role }{ $hasUnit ->
    [yes] , { $unit }
   *[no] {""}
  }.
console-as-guest = You are now a guest with no linked account, like someone writing to the bot for the first time.
console-as-usage = Usage: /as <unit code> to act as that unit's liaison, /as admin to act as an officer of the Emulation and Rewards Board, /as guest to be a guest again (Vietnamese alias: /dongvai).
  Some unit codes: { $codes }
console-no-units = no units yet (load a movement)
console-unit-unknown = There is no unit with code "{ $code }"; you keep your current role. Type /as to see some unit codes.
console-help-extra = Commands of this trial chat: /as <unit code>, /as admin, /as guest, /file <path> (send a file, e.g. a filled form), /quit.
console-outbox-line = 📨 → { $name }: { $text }
console-recipient-unknown = (recipient #{ $id })
console-file = 📎 File { $name }: { $path }
console-image = 🖼 Picture { $name }: { $path }
console-internal-error = Something went wrong; nothing was saved. Please try again.
console-bye = Goodbye!

## Zalo

cli-help-zalo-tokens = Store the Zalo OA's first token pair (from the Zalo for Developers console)
cli-option-zalo-tokens-access = The OA's access token
cli-option-zalo-tokens-refresh = The OA's refresh token (single use; the bot refreshes it from then on)
cli-option-zalo-tokens-expires-in = Seconds the access token stays valid (default 90000, i.e. 25 hours)
cli-zalo-tokens-missing = Both --access and --refresh are needed.
cli-zalo-tokens-bad-token = The value of --{ $option } does not look like a Zalo token (one run of characters, no spaces, at least 16 long).
cli-zalo-tokens-bad-expires = "{ $value }" is not a valid number of seconds (60 to { $max }).
cli-zalo-tokens-set = Zalo OA tokens stored; the access token expires at { $expires } and will be refreshed before then.
cli-help-unreachable = List the people the bot could not reach (Zalo's 7-day window, unfollowed, blocked bot…)
cli-option-unreachable-channel = Only one channel: zalo or telegram
cli-unreachable-bad-channel = "{ $value }" is not a channel. Choose one of: { $channels }
cli-unreachable-none = The bot can reach everyone.
cli-unreachable-title = { $count } accounts the bot could not reach:
cli-unreachable-line = {"  "}{ $name } — { $unit } · { $channel ->
    [zalo] Zalo
    [zalobot] Zalo Bot
    [zns] ZNS
    [telegram] Telegram
   *[other] { $channel }
  } · since { $since } · { $reason }
cli-unreachable-no-unit = (no unit)
unreachable-reason-window-expired = no message to the OA for 7 days, Zalo refuses to deliver
unreachable-reason-not-follower = does not follow the OA
unreachable-reason-user-inactive = Zalo account banned or long inactive
unreachable-reason-unfollowed = unfollowed the OA
zalo-internal-error = Something went wrong and nothing was saved. Please send that again.

# Every channel: the database cannot be written for now (disk full or read-only); the message is kept and handled once it can.
storage-waiting = The system is busy; your message will be handled later. There is no need to send it again.

## Biểu mẫu / Forms

register-pick_field-help = Pick one part to change it alone; the rest stays. "Go through everything" asks each question again.
register-form_wait-help = Open the form the assistant sent, fill it in and send the file (.xlsx) back in this chat.
register-form_reading-help = The assistant is reading the file you sent; the result will show here.
register-form_confirm-help = "Save" writes the changes above; "Don't save" ignores the file and leaves the registration as it is.
register-lines_confirm-help = "Save" adds the targets above; "Don't save" drops them, and you can type them again.
menu-register-form = 📄 Excel form
reg-unit-unknown = No unit "{ $query }". Type the unit's code, e.g. /register SNV.
reg-unit-ambiguous = { $count } units match "{ $query }". Type the unit's code, e.g. /register SNV.
conv-file-no-question = The assistant received { $name }, but no question is waiting for a file, so it was not used. A filled registration form: type /register, then send the file again. A report form: type /report, choose the period, then send the file again. A year-end self-assessment form: type /scoreform, then send the file again.
reg-menu-form = 📄 Get the Excel form (fill in the whole table)
reg-area-bulk-hint = You can send the whole table at once: choose "Get the Excel form" and send back the filled file, or type/paste one target a line, fields separated by ";" (e.g. 6; Share of files handled on time; ≥ 98,5 %; 31/12).
reg-pick-field = Which part to change?
reg-field-text = Target text
reg-field-planned = Plan (figure)
reg-field-measure = Unit of measure
reg-field-due = Due date
reg-field-note = Note
reg-field-area = Content area
reg-field-kind = Kind of target
reg-field-direction = Requirement (at least / at most)
reg-field-all = Go through everything
reg-field-qualitative = A qualitative target has no planned figure. To give one, change "Kind of target" to quantitative first.
reg-field-saved = ✔ Change saved.
reg-editing = ✎ Changing "{ $field }" of the target: { $text }
form-on-its-way-targets = The registration form is being prepared and will be sent here shortly.
form-on-its-way-results = The report form is being prepared and will be sent here shortly.
form-sent-targets = 📄 Target registration form (Mẫu 1a). Fill it in with Excel, WPS or Google Sheets and send the file back here.
form-sent-results = 📄 Progress report form. Fill in the "Result" column and send the file back here.
form-write-failed = The form could not be made because of a fault on our side. Please try again later.
form-wait-targets = Fill in the form and send the .xlsx file back here (no need to rename it). Nothing changes until you confirm.
form-wait-results = Fill in the "Result" column and send the .xlsx file back here. Nothing is saved until you confirm.
form-send-file = Please send the filled form (.xlsx), or choose "Back to the list".
form-back-to-list = Back to the list
form-reading = 📥 Received { $name }, reading it…
form-reading-wait = Reading the file, one moment. The result will be shown here.
form-reading-meanwhile = What the file says will be reported right here.
form-send-file-results = Please send the filled report form (.xlsx), or choose "Report target by target".
form-other-period = ✖ The file { $name } is the report form for { $period }, not for the period being reported, so it was not used; nothing has changed. Please send this period's form; or, to report { $period } with this file, type /baocao and choose that period.
form-read-ok = Read { $name }.
form-read-too-late = The file was read, but the conversation has moved on, so it was not used. To import it, please send the file again.
form-refused = ✖ { $name } cannot be used; nothing was changed. Please fix the following and send it again:
form-lines-refused = ✖ These lines could not be read; nothing was saved. Please fix them and send again:
form-lines-read = The lines were read as follows:
form-problem-at = • Row { $line }{ $hasColumn ->
    [yes] , column { $column }
   *[no] {""}
  }: { $message }
form-problems-more = … and { $count } more problems.
form-target-read = Area { $area } · { $text } — { $plan } · due { $due }
form-plan-counts = { $added } added, { $changed } changed, { $removed } removed, { $unchanged } unchanged.
form-plan-added = Added:
form-plan-changed = Changed:
form-plan-removed = Removed (no longer in the file):
form-plan-warnings = Please note:
form-confirm-prompt = Save these changes?
form-confirm-save = Save
form-confirm-save-submit = Save and send to the Board
form-confirm-drop = Don't save
form-saved = ✔ Saved.
form-dropped = Nothing was saved.
form-not-applicable = This file has problems, so it cannot be saved.
form-read-failed = The file could not be read because of a fault on our side; it has been kept. Please try sending it again in a few minutes.
form-file-unnamed = (unnamed)
form-file-photo = This is a photo. Please send the .xlsx form as a file (attach a file), not a picture.
form-file-xls = .xls files (Excel 97-2003) cannot be read. Please open the file, save it as .xlsx (File → Save As → Excel Workbook) and send it again.
form-file-ods = .ods files cannot be read. Please save it as .xlsx and send it again.
form-file-too-big = The file is too large to be a form (10 MB at most).
form-file-zip-bomb = This file unpacks to an abnormal size; it is not an ordinary form and was not read.
form-file-not-workbook = This file is not a readable Excel workbook (.xlsx). Please send the filled form.
form-file-empty = The file is empty.
form-file-not-fetched = The file could not be downloaded from the messenger. Please send it again.
form-file-source-refused = This file does not come from Zalo's file servers, so the bot does not download it. Please send the file itself in the chat (attach the .xlsx file).
form-file-too-long = The sheet has { $rows } rows, too many for a registration ({ $max } at most).
form-file-too-many-cells = The workbook has too many cells for a form ({ $max } at most). Please send the filled form.
form-file-no-header = The form's header row was not found (columns "Content area", "Target text", "Plan"…). Please use the form the assistant sent.
form-file-no-rows = The form has no targets yet.
form-file-no-results = No result was filled in the "Result" column.
form-file-is-results = This is the progress report form, not the registration form.
form-file-is-targets = This is the registration form, not the progress report form.
form-file-other-unit = This form belongs to unit { $unit }, not to yours.
form-file-other-period = This form is for reporting period { $period }, not the one being reported.
form-err-required = this cell must not be empty.
form-err-area = "{ $value }" is no content area; choose one from the list (1 to { $max }).
form-err-kind = choose "Quantitative" or "Qualitative".
form-err-direction = choose "At least" or "At most".
form-err-date = "{ $value }" is not a real date; write day/month/year, e.g. 31/12/2020.
form-err-number = "{ $value }" is not a number; write e.g. 25, 1.234,5 or 98,5.
form-err-number-ambiguous = "{ $value }" can be read two ways; write e.g. 1500 or 1,5.
form-err-measure-required = a quantitative target needs a unit of measure.
form-err-plan-qualitative = a qualitative target has no planned figure ("{ $value }"); leave it empty or write "Hoàn thành".
form-err-formula = the cell holds a formula; please enter the value (copy, then paste values).
form-err-id = the id cell was changed or the row copied from another form; do not edit this column (new rows leave it empty).
form-err-id-twice = this row has the same id as a row above (a copied row); new rows leave the id empty.
form-err-state = "{ $value }" is no state; choose Not started, In progress, Completed or Completed with distinction.
form-err-link = evidence must be a link starting with http:// or https://.
form-err-basis = choose "This period" or "Running total".
form-warn-due-past = the due date { $date } has passed.
form-warn-magnitude = "{ $value }" is { $above ->
    [yes] about { $factor } times
   *[no] only about 1/{ $factor } of
  } the plan ({ $plan }); please check the unit.
form-err-magnitude = "{ $value }" is { $above ->
    [yes] about { $factor } times
   *[no] only about 1/{ $factor } of
  } the plan ({ $plan }): probably a unit mistake.{ $asDong ->
    [none] {""}
   *[other] {" "}If it is in đồng, please write "{ $value } đồng" (that is { $asDong }).
  } If the figure is right, please write it with its unit: "{ $value } { $measure }".
form-col-no = No.
form-col-area = Content area
form-col-text = Target text
form-col-kind = Kind of target
form-col-measure = Unit of measure
form-col-plan = Plan
form-col-direction = Requirement
form-col-due = Due date
form-col-note = Note
form-col-id = Id (do not edit)
form-col-result = Result
form-col-basis = Figure is
form-col-evidence = Evidence (link)
form-direction-at_least = At least
form-direction-at_most = At most
form-basis-period = This period
form-basis-total = Running total
form-list-title = Value not in the list
form-list-area = Choose a content area from the list.
form-list-kind = Choose Quantitative or Qualitative.
form-list-direction = Choose At least or At most.
form-list-state = Choose a state from the list.
form-list-basis = Choose This period or Running total.
form-instructions-sheet = Instructions
form-instructions-title = How to fill in the form
form-targets-sheet = Targets
form-targets-title = EMULATION TARGETS REGISTERED FOR { $year }
form-targets-subtitle = (Mẫu 1a; from row 6, one target a row)
form-targets-help = Target registration form of { $unit }. Deadline: { $deadline }.
  • One target a row. Choose "Content area", "Kind of target" and "Requirement" from the drop-down lists.
  • Quantitative: give the "Unit of measure" (%, products, billion đồng…) and the "Plan" as a figure (98,5 or 1.234). Qualitative: leave the plan empty.
  • An empty "Requirement" means "At least". "Due date" as day/month/year; empty means the end of the movement ({ $end }).
  • Edit a row to change a target, delete the whole row to remove it, add a row to add one. Do not edit the hidden "Id" column and do not use formulas.
  • Save as .xlsx and send the file back in the chat with the assistant. It checks every row and saves only when you confirm.
form-targets-help-last-year = The rows filled in are your unit's targets of last year, as a starting point: update them for this year, delete the ones you drop.
form-results-sheet = Progress report
form-results-title = PROGRESS ON THE EMULATION TARGETS — { $period }
form-results-subtitle = (fill in the "Result" column; leave a target empty if not reported)
form-results-help = Progress report of { $unit }, { $period }.
  • "Result": a figure in the target's unit (97,5 or 1,2 tỷ), or a qualitative target's state from the list.
  • "Figure is": "This period" or "Running total" (since the start of the year); only for counts and amounts, a rate is always the latest figure.
  • "Evidence": a link, if any. Leave the row empty for a target not reported now. Do not edit the hidden "Id" column.
report-form_wait-help = Open the report form the assistant sent, fill in the "Result" column and send the file (.xlsx) back here.
report-form_reading-help = The assistant is reading the file you sent; the result will show here.
rep-form-back = Report target by target
rep-line-unknown = write "number: result", the number from 1 to { $count }.
rep-menu-form = 📄 Report with the Excel form
rep-lines-hint = You can report several targets in one message, one line each "number: result", e.g. 1: 97,5 / 2: 12 running total / 3: completed.
rep-lines-refused = ✖ These lines could not be read; nothing was saved:
cli-help-form = Write a unit's Excel form: target registration, or one period's report (--period)
cli-help-import-targets = Import a unit's filled registration form (the Board on the unit's behalf)
cli-help-import-results = Import a unit's filled progress report form for a period
cli-option-form-unit = Unit code, e.g. SNV
cli-option-form-period = Reporting period code (e.g. Q2020-1): the report form instead of the registration
cli-option-form-out = File to write (default: the standard name in the current folder)
cli-option-form-movement = Movement code (default: the open movement)
cli-option-import-targets-unit = Code of the unit the form belongs to
cli-option-import-targets-dry-run = Only check and show the changes; write nothing
cli-option-import-targets-movement = Movement code (default: the open movement)
cli-option-import-results-unit = Code of the unit the form belongs to
cli-option-import-results-period = Reporting period code, e.g. Q2020-1
cli-option-import-results-dry-run = Only check and show the results; write nothing
cli-option-import-results-movement = Movement code (default: the open movement)
cli-form-usage = Usage: thidua form [score] --unit CODE [--period PERIOD] [--out file.xlsx]
cli-import-targets-usage = Usage: thidua import-targets <file.xlsx> --unit CODE [--dry-run]
cli-import-results-usage = Usage: thidua import-results <file.xlsx> --unit CODE --period PERIOD [--dry-run]
cli-form-written = Form of { $unit } written: { $path }
cli-form-not-registered = Unit { $unit } has not sent its registration, so there is nothing to report on yet.
cli-import-dry-run = (Dry run: nothing written.)
cli-import-saved = ✔ Saved for { $unit } (recorded as entered by the Board on the unit's behalf).
console-file-usage = Usage: /file <path of the file> (no file "{ $path }").
## Zalo: hạn mức, ZNS, Bot Platform

config-bad-zns-template = must be the numeric id of a ZNS template Zalo approved
config-bad-zns-params = must be field=parameter_name pairs separated by commas; fields are name, unit, what, due or movement
config-bad-zalo-bot-token = does not look like a bot token from the Zalo Bot Creator
start-zalobot-on = Zalo Bot Platform: configured (ZALO_BOT_TOKEN).
start-zalobot-off = Zalo Bot Platform: not configured (set ZALO_BOT_TOKEN to turn it on).
start-zalobot-polling = Zalo Bot Platform: bot "{ $name }" is receiving messages (long polling).
start-zalobot-webhook = Zalo Bot Platform: bot "{ $name }" receives messages through the webhook POST { $path } on port { $port }.
zalobot-file-not-sent = The file "{ $name }" cannot be sent through the Zalo Bot (the platform takes text and pictures only). Get it on Telegram, or ask the Board to email it.
zalobot-image-not-sent = The picture "{ $name }" could not be sent through the Zalo Bot. See it on Telegram, or ask the Board to email it.
# /status (admins) and `thidua zalo-quota`: what the Zalo OA spent this month.
zalo-quota-status = Zalo OA in { $month }: { $proactive }/{ $budget } proactive messages ({ $left } left), { $replies } free replies, { $zns } ZNS messages{ $held ->
    [0] {""}
   *[other] ; { $held } held back by the budget
  }.
zalo-quota-over = Beyond the budget: { $over ->
    [wait] messages wait for the 1st of next month
    [fallback] messages go by the person's other channel (Telegram, Zalo Bot), if any
   *[report] messages are not sent, and are reported to the Board
  }.
zalo-quota-zalo-remain = Zalo says { $remain } free proactive messages are left this month.
cli-help-zalo-quota = The Zalo OA's messages this month: spent, left; set the budget, what happens beyond it, and how reminders reach people Zalo shuts out
cli-option-zalo-quota-budget = Proactive messages a month (default 1000, a verified OA's free allowance)
cli-option-zalo-quota-over = Beyond the budget: wait (until next month), fallback (the person's other channel), report (not sent, reported)
cli-option-zalo-quota-reach = The order of ways for reminders Zalo will not deliver (current movement): telegram, zalobot, zns, call
cli-option-zalo-quota-month = Another month (YYYY-MM)
cli-zalo-quota-bad-budget = The budget "{ $value }" is not valid (a whole number, 0 or more).
cli-zalo-quota-bad-over = "{ $value }" is not valid. Choose one of: wait, fallback, report.
cli-zalo-quota-bad-reach = The order "{ $value }" is not valid: list, separated by commas, some of telegram, zalobot, zns, call (call always last).
cli-zalo-quota-bad-month = The month "{ $value }" is not valid (YYYY-MM, e.g. 2026-03).
cli-zalo-quota-no-movement = No movement is open to set the order for.
cli-zalo-quota-saved = Saved.
cli-zalo-quota-reach = A reminder Zalo will not deliver tries, in turn: { $order }.
# How a reminder reached (or did not reach) a person.
reach-way = { $way ->
    [telegram] Telegram
    [zalobot] Zalo Bot
    [zns] a ZNS message to the phone number
   *[call] a call from the Board
  }
reach-outcome = { $outcome ->
    [zalo] received on Zalo
    [telegram] received on Telegram
    [zalobot] received on the Zalo Bot
    [zns] received by ZNS
    [console] received
    [pending] being sent
   *[none] not reached
  }
late-contact-outcome = { $contact } — last reminder: { $outcome }
cli-help-call-list = Each person's latest reminder and how it went (received on Zalo, Telegram, ZNS, or not reached); those not reached with phone numbers for the Board to call
cli-option-call-list-all = List those who received it too
cli-call-list-none = Everyone received their latest reminder.
cli-call-list-title = { $count } people the reminders did not reach, to call:
cli-call-list-all-title = Latest reminder of { $count } people:
cli-call-list-line = {"  "}{ $name } — { $unit }: { $outcome } · person: { $phone } · unit: { $unitPhone } · reminded { $at }
cli-call-list-no-phone = no number
rem-tap-zalo = Just tap a button below to answer: that lets Zalo keep the bot's messages coming to you.
# Linking on Zalo: may ZNS reminders go to the person's phone?
link-phone-ask = After 7 days without a message from you to the Zalo OA, Zalo stops the bot writing to you. May the Board remind you by Zalo's ZNS messages to your phone number? The number is used for emulation reminders only.
link-phone-use = Yes, number { $phone }
link-phone-other = Yes, type a number
link-phone-no = No
link-phone-type = Type your mobile number (e.g. 0912 345 678), or press "No".
link-phone-bad = "{ $value }" is not a Vietnamese mobile number (10 digits starting with 0, e.g. 0912 345 678).
link-phone-saved = Number { $phone } saved. When needed, the Board will remind you by a Zalo ZNS message (to stop, type /nozns).
link-phone-declined = The bot will not use your phone number to write to you.
link-phone-form-title = Phone number for reminders
link-phone-form-subtitle = Tap to send your Zalo phone number: the Board reminds you by ZNS after 7 days without a message from you to the OA.
link-phone-help = Yes lets the Board remind you by a Zalo ZNS message after 7 days without a message from you to the OA; no, and the Board calls you when needed.
import-bad-phone = The phone number "{ $value }" is not valid (digits, with spaces, dots or dashes if you like, 8 to 20 characters).
doctor-zns-on = ZNS: reminders to people silent to the OA for 7 days go by template { $template } (to those who agreed when linking).
doctor-zns-off = ZNS: not configured (ZALO_ZNS_TEMPLATE_ID); reminders Zalo will not deliver go by Telegram, the Zalo Bot or onto the call list.
doctor-zalobot-off = Zalo Bot Platform: not configured (ZALO_BOT_TOKEN).
doctor-telegram-half = Telegram: only half set up ({ $set } set, { $missing } missing); the bot will not start. Set the missing variables, or leave { $set } empty.
doctor-zalo-half = Zalo OA: only half set up ({ $set } set, { $missing } missing); the bot will not start. Set the missing variables, or leave { $set } empty.
doctor-zalobot-half = Zalo Bot Platform: only half set up ({ $set } set, { $missing } missing); the bot will not start. Set the missing variables, or leave { $set } empty.
doctor-zalobot-ok = Zalo Bot Platform: the bot token works (bot "{ $name }", receiving { $mode ->
    [webhook] through the webhook POST /zalobot/webhook
   *[polling] by long polling
  }).
doctor-zalobot-token-refused = The Zalo Bot Platform refuses the bot token ({ $error }). Get the bot's new token from the Zalo Bot Creator and put it in ZALO_BOT_TOKEN.
doctor-zalobot-unreachable = Cannot reach the Zalo Bot Platform at { $base } ({ $error }). Check the Internet connection and the firewall.

## Export

export-sheet-summary = Summary
export-sheet-targets = Registered targets
export-sheet-results = Results
export-sheet-units = Units
export-sheet-groups = Clusters, blocks
export-col-group = Cluster/block
export-col-group-code = Cluster/block code
export-col-group-kind = Kind
export-col-group-name = Cluster/block name
export-col-unit-code = Unit code
export-col-unit-name = Unit name
export-col-unit-kind = Kind of unit
export-col-status = Status
export-col-submitted-on = Submitted on
export-col-late = Sent late / overdue
export-lateness = { $kind ->
    [overdue] Overdue, not sent
   *[submitted_late] Sent late
  }
export-col-target-count = Targets
export-col-targets-exceeded = Targets exceeded
export-col-targets-met = Targets met
export-col-targets-in-progress = Targets in progress
export-col-targets-not-met = Targets not met
export-col-targets-not-reported = Targets not reported
export-col-index = No.
export-col-area = Content area
export-col-target = Target
export-col-measure = Unit of measure
export-col-plan = Plan
export-col-due = Due
export-col-note = Note
export-col-period = Period
export-col-result = Result
export-col-cumulative = Running total
export-col-percent = % of plan
export-col-assessment = Assessment
export-col-evidence = Evidence
export-col-revision = Report no.
export-col-reported-on = Reported on
export-col-valid-from = Valid from
export-col-valid-to = Valid to
export-col-head = Head
export-col-deputy = Deputy head
export-col-members = Units
export-col-illustrative = Illustrative
export-yes = Yes
export-no = No
export-qualitative = Done
export-group-kind = { $kind ->
    [cum] Cluster
   *[khoi] Block
  }
export-evidence-kind = { $kind ->
    [photo] Photo
    [link] Link
   *[document] File
  }
err-export-group-unknown = Movement { $movement } has no cluster/block with code "{ $code }". Codes: { $groups }
err-export-period-unknown = Movement { $movement } has no reporting period with code "{ $code }". Periods: { $periods }
err-export-format = Format "{ $format }" is not valid: choose xlsx or csv.
cli-help-export = Export the movement's figures to Excel (XLSX) or CSV: summary, registered targets, results, units, clusters/blocks
cli-option-export-movement = Movement code (default: the open movement)
cli-option-export-cluster = Only one cluster/block (its code, e.g. CUM1)
cli-option-export-period = Only the results of one reporting period (its code, e.g. Q2020-1)
cli-option-export-format = xlsx (default) or csv (one file per sheet)
cli-option-export-out = Folder for the files (default ./exports)
cli-option-export-all-revisions = Results sheet with every report revision, not only the latest
cli-export-done = Exported movement { $code } to { $count } file(s):
cli-export-file = {"  "}{ $path }
cli-export-sheet = {"    "}{ $sheet }: { $rows } rows

## Văn bản / Documents

# Export: additions
cli-option-export-include-drafts = Registrations not sent to the Board too (default: only those sent)
export-sheet-titles = Titles
export-heading = { $sheet ->
    [summary] REGISTRATIONS AND RESULTS BY UNIT
    [targets] EMULATION TARGETS REGISTERED
    [titles] EMULATION TITLES SOUGHT
    [results] RESULTS OF THE EMULATION TARGETS
    [units] UNITS TAKING PART
   *[groups] CLUSTERS AND BLOCKS
  }
export-heading-group = { $name }
export-heading-period = Reporting period: { $period }
export-heading-date = Figures as of { $at }
export-col-version = Version
export-col-return-reason = Reason returned
export-col-title = Title sought

doc-creator = Emulation Assistant
doc-default-province = (province)
doc-default-parent = { $province } Provincial People's Committee
doc-default-body = Department of Home Affairs
doc-default-standing-body = Department of Home Affairs (Emulation and Commendation Board)
doc-default-signer-title = DIRECTOR
doc-default-recipients =
    Provincial People's Committee (for report);
    Provincial Emulation and Commendation Council;
    Archive: Office, Board.
doc-addressee = { $province } Provincial People's Committee
doc-number = No.:        /{ $kind }-{ $abbreviation }
doc-nation = SOCIALIST REPUBLIC OF VIETNAM
doc-motto = Independence - Freedom - Happiness
doc-place-date = { $place }, { $day }/{ $month }/{ $year }
doc-to = To: { $addressee }
doc-launch = Pursuant to dispatch No. { $number }{ $hasDate ->
    [yes] {" "}of { $date }
   *[no] {""}
  }{ $hasIssuer ->
    [yes] {" "}by { $issuer }
   *[no] {""}
  } launching the { $movement }
doc-launch-plain = Pursuant to the { $movement }
doc-recipients = Recipients:
doc-sign-hint = (Signature and seal)
doc-report-number-kind = BC
doc-report-kind = REPORT
doc-report-kind-lower = the report
doc-total = Total
doc-no-group = In no cluster or block
doc-too-many-names = { $count } units (listed in the annex)
doc-annex = ANNEX
doc-annex-attached = (Attached to { $kind } of { $date } by { $body })
doc-qualitative-plan = Done
doc-col-index = No.
doc-col-target = Target
doc-col-plan = Plan
doc-col-note = Note
doc-col-unit = Unit
doc-col-group = Cluster / block
doc-col-kind = Kind of unit
doc-col-units = Units
doc-col-on-time = Sent on time
doc-col-late = Sent late
doc-col-not-sent = Not sent
doc-col-approved = Approved
doc-col-status = Status
doc-col-sent-on = Sent on
doc-col-lateness = On time / late
doc-col-targets = Targets
doc-col-titles = Titles sought
doc-col-area = Content area
doc-col-exceeded = Exceeded
doc-col-met = Met
doc-col-in-progress = In progress
doc-col-not-met = Not met
doc-col-not-reported = Not reported
doc-col-reported-on = Reported on
doc-reg-number-kind = ĐK
doc-reg-kind = REGISTRATION
doc-reg-title = Emulation targets and titles for { $year }
doc-reg-draft-mark = (Draft: this registration is "{ registration-status }" and has not been sent to the Emulation and Commendation Board)
doc-reg-intro = { $launch }, { $unit } registers the following emulation targets and titles for { $year }:
doc-reg-targets-heading = I. EMULATION TARGETS
doc-reg-no-targets = The unit has registered no targets.
doc-reg-titles-heading = II. TITLES SOUGHT
doc-reg-no-titles = The unit seeks no emulation title.
doc-reg-commitment = { $unit } undertakes to carry out the targets registered and to report its results to the Emulation and Commendation Board as required.
doc-reg-recipients =
    { $standingBody };
    Archive: Office.
doc-reg-recipients-own =
    As above;
    Provincial Emulation and Commendation Council;
    Archive: Office, Emulation Board.
doc-reg-signer = HEAD OF THE UNIT
doc-summary-title = Emulation registrations for { $year } of the agencies, units and localities
doc-summary-intro = { $launch }, { $body } guided the agencies, units, localities, clusters and blocks in registering their emulation targets and titles, due by { $deadline }. { $body } reports to the Provincial People's Committee as follows:
doc-summary-h-registration = I. REGISTRATION
doc-summary-totals = { $units } units take part in the movement; { $sent } have sent their registration, { $onTime } on time and { $late } late (after { $deadline }); { $notSent } have not sent it. The Board has approved { $approved } registrations.
doc-summary-late-named = Units that sent late ({ $count }): { $names }.
doc-summary-overdue-named = Units overdue, not sent ({ $count }): { $names }.
doc-summary-not-yet-named = Units that have not sent their registration yet (due { $deadline }) ({ $count }): { $names }.
doc-summary-by-group = By cluster and block:
doc-chart-caption = Chart { $number }. { $title }
doc-summary-by-kind = By kind of unit:
doc-summary-h-titles = II. TITLES SOUGHT
doc-summary-no-titles = No unit seeks an emulation title yet.
doc-summary-title-line = - { $title }: { $count } units.
doc-summary-flag = Units seeking the Provincial People's Committee's emulation flag ({ $count }), to be compared within their cluster or block: { $names }.
doc-summary-h-targets = III. MAIN TARGETS
doc-summary-area = { $number }. { $title }: { $targets } targets of { $units } units.
doc-summary-notable = { $text } ({ $units } units);
doc-summary-notable-one = { $text } ({ $detail });
doc-summary-h-proposals = IV. PROPOSALS
doc-summary-proposals = The Provincial People's Committee is asked to direct the { $count } units that have not sent their registration to complete it promptly; { $body } will go on guiding, urging and reporting.
doc-summary-annex-title = EMULATION REGISTRATIONS FOR { $year } BY UNIT
doc-period-title = Results of the emulation targets: { $period }
doc-period-intro = { $launch }, { $body } has gathered the results of the emulation targets for { $period } of the agencies, units and localities (judged as of { $asOf }) and reports to the Provincial People's Committee as follows:
doc-period-h-reporting = I. REPORTING
doc-period-reporting = { $units } units have sent their registration; { $reported } have reported their results{ $late ->
    [0] {""}
   *[other] {" "}({ $late } after the due date { $due })
  }; { $missing } have not reported.
doc-period-missing-named = Units that have not reported ({ $count }): { $names }.
doc-period-h-areas = II. RESULTS BY CONTENT AREA
doc-period-rule = Each target is counted once, by where it stands against its plan: a target before its due date is in progress; a rate stands as last reported, never added up; a count or an amount is the running total since the start of the year.
doc-period-h-groups = III. RESULTS BY CLUSTER AND BLOCK
doc-period-annex-title = RESULTS OF THE EMULATION TARGETS BY UNIT: { $period }
doc-late-report = (late)
doc-not-reported = Not reported
doc-col-due = Due
doc-on-time = On time
doc-annex-numbered = ANNEX { $number }
doc-period-late-named = Units that reported after the due date { $due } ({ $count }): { $names }.
doc-period-proposals-missing = The Provincial People's Committee is asked to direct the { $count } units that have not reported to send their results promptly; { $body } will go on urging and gathering them.
doc-period-proposals-not-met = The units with targets not met ({ $count }: { $names }) are asked to explain why and to take corrective measures.
doc-period-target-annex-title = RESULTS OF EACH EMULATION TARGET: { $period }
doc-col-result = Result
doc-col-percent-of-plan = % of plan
doc-col-verdict = Verdict
doc-verdict = { $assessment ->
    [exceeded] Exceeded
    [met] Met
    [in_progress] In progress
    [not_started] Not started
   *[not_met] Not met
  }
err-signer-title = "{ $value }" is not a signer's position; type e.g. DIRECTOR, or FOR THE DIRECTOR | DEPUTY DIRECTOR when a deputy signs.
err-signer-name = "{ $value }" is not a name; type the signer's full name, e.g. Nguyễn Văn An.
err-doc-unit-unknown = No unit "{ $code }" (type its code, e.g. SNV, or its name).
err-doc-unit-needed = Choose a unit (--unit CODE).
err-doc-period-needed = Choose a reporting period (--period CODE). The periods of movement { $movement }: { $periods }
err-doc-kind = No document kind "{ $kind }": choose registration, summary, period, minutes, submission, scores or proposals.
cli-help-document = The Board's documents (.docx, Decree 30/2020 layout): a unit's registration, the aggregate report on registration, a period's report; at the year's end a cluster's minutes, submission and table of scores (minutes, submission, scores --cluster CODE), the summary of award proposals (proposals)
cli-option-document-movement = Movement code (default: the open movement)
cli-option-document-unit = registration: the unit's code or name (e.g. SNV)
cli-option-document-period = period: the reporting period's code (e.g. H2020-1, Y2020)
cli-option-document-out = Folder for the file (default ./exports)
cli-help-chart = One chart (PNG): registration: by cluster and block (--timeline: sent day by day toward the deadline); period: a period's reporting by cluster and block (--targets: targets by content area and outcome)
cli-option-chart-movement = Movement code (default: the open movement)
cli-option-chart-period = period: the reporting period's code (e.g. H2020-1, Y2020)
cli-option-chart-cluster = One cluster or block only (its code, e.g. CUM1)
cli-option-chart-timeline = registration: registrations sent day by day, toward the deadline
cli-option-chart-targets = period: targets by content area and outcome
cli-option-chart-out = PNG file to write (default: the exports folder beside the database)
err-chart-kind = There is no "{ $kind }" chart: choose registration or period.
err-chart-out-png = the file written must end in .png
err-chart-timeline-registration = only for the registration chart
err-chart-targets-period = only for the period chart
err-chart-period-option = only for the period chart
cli-chart-too-few = No chart: only { $units } unit(s) (at least 2 are needed).
cli-help-board = Show or change who issues and signs the Board's documents (an empty value restores the default)
cli-option-board-movement = Movement code (default: the open movement)
cli-option-board-parent = The body above the issuer in the header, e.g. "UBND TỈNH NAM ĐỊNH"
cli-option-board-body = The issuing body in the header, e.g. "SỞ NỘI VỤ"
cli-option-board-body-name = The issuing body inside a sentence, e.g. "Sở Nội vụ"
cli-option-board-abbreviation = Its abbreviation in document numbers (No.: …/BC-SNV), e.g. SNV
cli-option-board-place = Place name before the date, e.g. "Nam Định"
cli-option-board-signer-title = The signer's title, e.g. "GIÁM ĐỐC" or "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC"
cli-option-board-signer = The signer's name
cli-option-board-recipients = Recipients of the reports to the People's Committee, separated by "|"
cli-option-board-proposals = The Board's proposals printed in section IV of its reports to the People's Committee, paragraphs separated by "|"
cli-help-signer = Show or change the position and name of who signs a unit's registration (the liaison changes it in chat with /signer)
cli-option-signer-unit = The unit's code or name, e.g. SNV
cli-option-signer-title = The signer's position, e.g. "GIÁM ĐỐC" or "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC"
cli-option-signer-name = The signer's full name
cli-signer-line = { $unit }: signed by { $title } — { $name }
cli-board-title = The Board's documents, movement { $code }:
board-bad-abbreviation = an abbreviation has capitals, digits, "-" and "." only (e.g. SNV), at most 20 characters
config-bad-file-link-secret = needs at least 32 random characters (e.g. openssl rand -base64 32)
zalo-file-link = The file { $name } ({ $size }) cannot go through Zalo itself. Download it from this link of yours (it works until { $time } on { $date }): { $url }
zalo-file-no-link = The file { $name } ({ $size }) cannot be sent on Zalo (Zalo takes only PDF and Word files up to 5 MB). Get it on Telegram, or ask the Board to email it.
doctor-file-links-ok = Files Zalo will not take (workbooks, CSV, files over 5 MB) go as signed links under { $url }/files/…; your HTTPS proxy must pass /files/ to the bot.
doctor-file-links-off = PUBLIC_BASE_URL is not set: Zalo users cannot get workbooks, CSV files or files over 5 MB (Zalo takes only PDF and Word files up to 5 MB). Set PUBLIC_BASE_URL to the bot's public HTTPS address.
exp-doc-summary = Aggregate report on registration to the People's Committee (Word)
exp-doc-period = A period's report: mid-year, year-end (Word)
exp-doc-registration = A unit's registration (Word)
exp-doc-period-prompt = The report for which period?
exp-doc-unit-prompt = Which unit's registration? Type its code (e.g. SNV) or its name.
exp-doc-unit-none = No unit "{ $query }". Type its code (e.g. SNV) or part of its name.
exp-doc-unit-many = { $count } units match "{ $query }": { $examples }. Type the unit's code.
export-period-help = Choose a period: a quarter, the first half (mid-year review), the year (year-end review). The report judges the targets as of its end.
export-unit-help = Type the unit's code (e.g. SNV, HHH) or part of its name (e.g. "hai hau"). /cancel to stop.
doc-started = Preparing { $kind ->
    [registration] the registration of { $name }
    [period] the report for { $name }
    [minutes] the minutes of the bình xét meeting of { $name }
    [submission] the submission of award proposals of { $name }
    [scores] the table of scores of { $name }
    [proposals] the summary of award proposals
   *[summary] the aggregate report on registration
  }… The Word file will be sent here when it is ready.
doc-ready = 📄 { $kind ->
    [registration] Emulation registration: print it, have the head of the unit sign and stamp it, then send it to the Board.
    [period] Report on the emulation targets (a draft to be signed).
    [minutes] Minutes of the bình xét meeting (a draft to be signed): the votes and shares of all members come from the closed vote.
    [submission] The cluster's submission of award proposals (a draft to be signed).
    [scores] The cluster's table of scores.
    [proposals] Summary of award proposals for the Council (a draft to be signed).
   *[summary] Aggregate report on registration (a draft to be signed).
  }
reg-download-form = Download the registration to be signed
signer-title-prompt-first = Before the registration is prepared for signing: who signs { $unit }'s registration? Choose the signer's position, or type another (a deputy signing for the head: FOR THE DIRECTOR | DEPUTY DIRECTOR). Asked this once; change it later with /signer.
signer-title-prompt = Position of who signs { $unit }'s registration{ $known ->
    [yes] {" "}(now: { $current })
   *[no] {""}
  }: choose, or type another (a deputy signing for the head: FOR THE DIRECTOR | DEPUTY DIRECTOR).
signer-name-prompt = Full name of the signer ({ $title })? For example: Nguyễn Văn An.
signer-saved = ✔ Signer saved: { $title } — { $name }. Registrations from now on print this position and name; change it with /signer.
signer-director = GIÁM ĐỐC
signer-deputy-director = KT. GIÁM ĐỐC | PHÓ GIÁM ĐỐC
signer-chair = CHỦ TỊCH
signer-deputy-chair = KT. CHỦ TỊCH | PHÓ CHỦ TỊCH
signer-head = TRƯỞNG BAN
signer-title-help = Choose the signer's position, or type it as printed on the document, e.g. GIÁM ĐỐC; for a deputy signing for the head type two lines separated by "|": KT. GIÁM ĐỐC | PHÓ GIÁM ĐỐC.
signer-name-help = Type the signer's full name as printed under the signature, e.g. Nguyễn Văn An.
tg-cmd-signer = Who signs the registration (position, name)
tg-cmd-regform = Download the registration (Word) to be signed

## Reminders

rem-title = ⏰ Reminder — { $movement }
rem-when = { $when ->
    [future] { $days ->
        [one] 1 day left
       *[other] { $days } days left
    }
    [today] today is the last day
   *[past] { $days ->
        [one] 1 day overdue
       *[other] { $days } days overdue
    }
  }
rem-reg-none = • { $unit } has not registered its emulation targets.
rem-reg-draft = • { $unit } has a registration ({ $targets ->
    [one] 1 target
   *[other] { $targets } targets
  }) being drafted but not sent.
rem-reg-returned = • The registration of { $unit } was returned on { $date }; it needs correcting and sending again.
rem-reg-reason = {"  "}Reason given: { $reason }
rem-reg-deadline = {"  "}Registration deadline: { $deadline } ({ rem-when }).
rem-report = • { $unit } has not reported results for { $period } ({ $targets ->
    [one] 1 target
   *[other] { $targets } targets
  }); due { $due } ({ rem-when }).
rem-footer-register = Press "Register targets" below to do it now.
rem-footer-report = Press "Report results" below to do it now.
rem-footer-both = Press a button below to do it now.
rem-missing-registration = { $state ->
    [none] no targets registered
    [draft] registration not sent
   *[returned] returned registration not sent again
  }
rem-missing-report = no report for { $period }
rem-escalation-title = 📋 { $group } — { $movement }: { $count ->
    [one] 1 unit has
   *[other] { $count } units have
  } been reminded several times and still not done it. As { $groupKind ->
    [cum] cluster head
   *[khoi] block head
  }, please urge them:
rem-escalation-unit = • { $unit }: { $missing } (reminded { $count ->
    [one] once
   *[other] { $count } times
  })
rem-digest-title = 📊 Registrations and reports — { $movement } — { $date }
rem-digest-registration = 📝 Registration (due { $deadline }): { $count ->
    [one] 1 unit
   *[other] { $count } units
  } overdue, not sent.
rem-digest-period = 📊 Report for { $period } (due { $due }, { $when ->
    [future] { $days } days left
    [today] today is the last day
   *[past] { $days } days overdue
  }): { $sent }/{ $units } units sent it; { $count } not yet.
rem-digest-unit-name = • { $unit }
rem-digest-more = … and { $count } more units.
rem-digest-group = { $group } ({ $count }):
rem-digest-no-group = In no cluster or block ({ $count }):
rem-digest-unit = • { $unit }: { $missing }
bc-header = 📢 Notice from the Emulation and Commendation Board
err-reminder-bad-escalate = The number of reminders before the cluster head is told must be a whole number from 1 to { $max }.
err-reminder-bad-cron = The schedule "{ $cron }" cannot be used: it needs exactly 5 fields "minute hour day month weekday" with a single minute (at most one reminder an hour), e.g. "0 8 * * 1" for 8 am on Mondays.
err-reminder-digest-escalate = The admins' digest does not tell cluster heads.
err-reminder-bad-kind = Rule kind "{ $kind }" is not valid (registration, period, cron, dossier or score).
err-reminder-bad-offset = Days from the deadline must be a whole number from -{ $max } to { $max } (negative is before).
err-reminder-bad-time = The time "{ $time }" is not valid; write HH:MM, e.g. 08:00.
err-reminder-cron-on-deadline = A deadline rule counts days; it takes no cron schedule.
err-reminder-bad-subject = A deadline rule does not take the subject "{ $subject }".
err-reminder-duplicate = An identical rule already exists (#{ $id }); pause or resume that one instead.
err-reminder-unknown = There is no reminder rule #{ $id }.
err-broadcast-empty = The notice has no text.
err-broadcast-too-long = The notice is { $length } characters long, over the limit of { $max }.
err-broadcast-bad-audience = Audience "{ $audience }" is not valid: all, unsent, report-missing:PERIOD, report-sent:PERIOD, group:CODE or kind:KIND.
err-broadcast-unknown-period = The movement has no reporting period "{ $code }".
err-broadcast-unknown-group = There is no cluster or block with code "{ $code }" in the movement.
err-broadcast-unknown-kind = No unit is of kind "{ $kind }".
err-broadcast-unknown = There is no notice #{ $id }.
err-broadcast-not-draft = Notice #{ $id } was already sent or cancelled; it cannot be confirmed again.
cli-help-reminders = Reminder rules: list, add, pause/resume <id>, defaults (create the default set)
cli-help-broadcast = Send a notice to many units: a preview, add --yes to send; --report <id> shows how delivery went
cli-option-reminders-movement = Movement code (default: the open movement)
cli-option-reminders-kind = add: registration (from the registration deadline), period (from each report's due date), cron (a schedule), dossier (from the award dossiers' deadline) or score (from the self-assessment date)
cli-option-reminders-offset = add: days from the deadline; before it as a negative number written --offset=-7, on the day 0, overdue positive
cli-option-reminders-at = add: time of day HH:MM (default 08:00)
cli-option-reminders-cron = add: cron schedule "minute hour day month weekday", e.g. "0 8 * * 1" (8 am on Mondays)
cli-option-reminders-subject = add, with a schedule: registration, report, any (default: whatever is owed) or digest (units overdue, not sent, to the admins)
cli-option-reminders-escalate-after = add: tell the cluster/block head once a unit has ignored this many reminders
cli-option-reminders-label = add: a note on the rule
cli-option-broadcast-text = The notice's text
cli-option-broadcast-audience = all (default: every unit), unsent (units that have not sent their registration), report-missing:PERIOD (units that have not sent that period's report, e.g. report-missing:H2020-1), report-sent:PERIOD (units that have sent it), group:CODE (one cluster/block), kind:KIND (one kind of unit, e.g. kind:huyen)
cli-option-broadcast-yes = Really send (without it: a preview only)
cli-option-broadcast-report = Show how delivery of notice number … went
cli-option-broadcast-movement = Movement code (default: the open movement)
cli-reminders-usage = Usage: thidua reminders list | add --kind … | pause <id> | resume <id> | defaults
cli-reminders-bad-number = "{ $value }" is not a valid whole number for { $option }.
cli-reminders-missing-id = The rule's number is missing: thidua reminders { $action } <id> (see the numbers with thidua reminders list).
cli-reminders-bad-kind = Rule kind "{ $value }" is not valid: --kind registration, period, cron, dossier or score.
cli-reminders-bad-subject = Subject "{ $value }" is not valid. Choose one of: { $subjects }
cli-reminders-none = Movement { $code } has no reminder rules. Create the default set: thidua reminders defaults
cli-reminders-title = Reminder rules of { $code } ({ $count } rules, times in { $tz }). A reminder due in quiet hours, at a weekend, on a holiday or at Tết goes out at the next allowed time:
cli-reminders-line = {"  "}#{ $id } { $what } — { $paused ->
    [yes] paused
   *[no] next: { $next }
  }
cli-reminder-what-registration = Registration: { $dir ->
    [before] { $days } days before the deadline
    [after] { $days } days after the deadline
   *[on] on the deadline
  }, at { $at }
cli-reminder-what-period = Reports: { $dir ->
    [before] { $days } days before
    [after] { $days } days after
   *[on] on
  } each period's due date, at { $at }
cli-reminder-what-cron = Schedule "{ $cron }": { $subject ->
    [registration] registration reminder
    [report] report reminder
    [digest] digest of units overdue, not sent, to the admins
   *[any] reminder of whatever is owed
  }
cli-reminder-escalate = ; the cluster/block head is told after { $count } ignored reminders
cli-reminder-next = Next delivery: { $when }
cli-reminder-next-none = none left
cli-reminder-added = Rule #{ $id } added: { $what }
cli-reminder-paused = Rule #{ $id } paused.
cli-reminder-resumed = Rule #{ $id } resumed; reminders that fell due while it was paused are not sent.
cli-reminders-defaults = { $count ->
    [one] 1 default rule
   *[other] { $count } default rules
  } created for { $code } (existing rules kept).
cli-broadcast-missing-text = The text is missing: thidua broadcast --text "…"
cli-broadcast-audience = { $kind ->
    [all] every unit
    [unsent] units that have not sent their registration
    [overdue] units overdue, not sent
    [report-missing] units that have not sent the report for { $name }
    [report-sent] units that have sent the report for { $name }
    [group] { $name }
   *[kind] units of kind { $name }
  }
cli-broadcast-preview = Preview: to { $units ->
    [one] 1 unit
   *[other] { $units } units
  } ({ $audience }), reaching { $reached } of them ({ $count ->
    [one] 1 person
   *[other] { $count } people
  }); { $unreached } units have nobody with a linked account, { $noAccount } people have no messenger account linked and will not get it.
cli-broadcast-recipient = {"  "}{ $name } — { $unit } · { $channel ->
    [telegram] Telegram
    [zalo] Zalo
    [zalobot] Zalo Bot
    [zns] ZNS
    [console] terminal
   *[none] not linked
  }
cli-broadcast-more = {"  "}… and { $count } more
cli-broadcast-confirm-hint = Nothing was sent. Run again with --yes to send.
cli-broadcast-queued = Notice #{ $id } queued for { $count ->
    [one] 1 person
   *[other] { $count } people
  }; the running bot delivers it at Telegram's and Zalo's pace. See how it went: thidua broadcast --report { $id }
cli-broadcast-report = Notice #{ $id } ({ $audience }): { $total } people — sent { $sent }, waiting { $pending }, failed { $failed }, unreachable { $unreachable }.
cli-broadcast-problem = {"  "}{ $name } — { $unit }: { $status ->
    [failed] failed
   *[unreachable] unreachable
  } ({ $error })
cli-broadcast-nobody = Nobody is in the audience "{ $audience }"; nothing was sent.

## Charts (PNG; the renderer in src/charts/)

chart-as-of = Figures as of { $date }
chart-units = Units
chart-targets = Targets
chart-group = Cluster or block
chart-area = Content area
chart-no-group = (in no cluster or block)
chart-registration-title = Registrations sent: { $movement }
chart-registration-subtitle = { $sent }/{ $units } units have sent · deadline { $deadline } · figures as of { $date }
chart-registration-day = Day
chart-registration-per-day = Sent that day (bars)
chart-registration-cumulative = Sent so far (line)
chart-registration-deadline = Deadline { $deadline }
chart-registration-all-units = All { $units } units
chart-status-title = Registration by cluster and block: { $movement }
chart-status-legend = Status
chart-period-title = { $period } report by cluster and block
chart-period-subtitle = Due { $due } · figures as of { $date }
chart-period-legend = Reports
chart-period-state = { $state ->
    [on_time] On time
    [late] Late
    [overdue] Overdue, not sent
   *[not_due] Not yet due
  }
chart-outcome-title = Targets by content area and outcome{ $period ->
    [none] {""}
   *[other] : { $period }
  }
chart-outcome-subtitle = { $units } units · figures as of { $date }
chart-outcome-legend = Outcome
chart-outcome = { $outcome ->
    [exceeded] Exceeded
    [met] Met
    [in_progress] In progress
    [not_met] Not met
   *[not_reported] Not reported
  }

## Health (GET /health, thidua doctor)

health-database-unwritable = The database cannot be written ({ $error }). Check that the disk has free space, that the data folder is writable, and that no other program holds the file locked.
health-database-busy = Degraded: database busy, another program holds its write lock ({ $error }). Incoming messages wait and are handled as soon as the lock is released; nothing is lost. If it lasts, find which program has the file open (an import, a backup, an SQLite browser).
health-disk-low = Only { $free } MB are free on the database's disk. Free some space (old backups, old exports, logs) before the bot can no longer store messages.
health-messenger-token-refused = { $messenger ->
    [zalo] Zalo
    [zalobot] Zalo Bot
   *[telegram] Telegram
  } has refused the bot's token since { $since } ({ $error }). { $messenger ->
    [zalo] Get a new token pair from Zalo for Developers and run: npx thidua zalo-tokens --access … --refresh …
    [zalobot] Get the bot's new token from the Zalo Bot Creator, put it in ZALO_BOT_TOKEN and restart the bot.
   *[telegram] It may have been revoked: get a new token from @BotFather, put it in TELEGRAM_BOT_TOKEN and restart the bot.
  }
health-messenger-unreachable = { $messenger ->
    [zalo] Zalo
    [zalobot] Zalo Bot
   *[telegram] Telegram
  } has not answered since { $since } ({ $error }). Check the server's Internet connection and firewall.
health-messenger-never-reached = { $messenger ->
    [zalo] Zalo
    [zalobot] Zalo Bot
   *[telegram] Telegram
  } has not been reached yet ({ $error }). Check the server's Internet connection and firewall.
health-outbox-stuck = { $waiting } due { $waiting ->
    [one] message is
   *[other] messages are
  } not sent yet, the oldest since { $since }. The bot's log says why.
health-inbound-failing = { $failed } incoming { $failed ->
    [one] message
   *[other] messages
  } failed to be handled, the latest at { $last }. List them: npx thidua inbound --failed; handle them again: npx thidua inbound --retry
health-backup-failed = The backup at { $at } failed ({ $error }). Check that BACKUP_DIR is writable and has free space.
health-zalo-account-problem = The Board's { $channel ->
    [zns] ZNS
   *[zalo] Zalo OA
  } account has had a problem since { $since } (code { $code }: { $error }): messages by it wait or go another way, and nobody is taken for unreachable. Check the balance, the package, the ZNS template and the access token in Zalo's console; it clears when a message goes through.
late-nobody = nobody to receive messages
late-contact-phone = { $name } ({ $phone })
late-nobody-count = { $count } units have nobody to receive messages (no liaison has linked an account): contact them directly.
# Sent once to each admin when the Zalo account itself (not a person) stops a message.
zalo-account-problem = ⚠️ The Board's { $channel ->
    [zns] ZNS
   *[zalo] Zalo OA
  } account has a problem (code { $code }: { $error }). No reminder is lost: messages wait or go by another channel, and nobody is taken for unreachable. Please check the balance, the package, the ZNS template and the access token in Zalo's console. You are told once until it clears.
# /ngungzns (/nozns): withdrawing the consent to ZNS reminders; the Zalo form's answer (user_submit_info).
zns-off-done = ZNS reminders stopped. Your phone number is kept only for the Board to call you when needed.
zns-off-none = You had not agreed to ZNS reminders, so there is nothing to stop.
zns-form-not-linked = The Board could not save your number because this Zalo account is not linked yet. Send the invite code the Board gave you first, e.g. /start ABCDE-1234567

## The year's end (scoring, bình xét)

err-score-unknown-criterion = The scoring table has no criterion { $code }.
err-score-out-of-range = The score for { $code } must be from 0 to { $max }.
err-score-already-sent = The self-assessment was sent to the cluster head and can no longer change; ask the head to adjust it with a reason.
err-score-incomplete = Some criteria are not scored yet; score them all before sending.
err-score-not-sent = The unit has not sent its self-assessment.
err-not-your-cluster = This unit is not in your cluster or block.
err-adjust-needs-reason = A score adjustment needs a reason.
err-vote-no-candidate = A vote needs at least one candidate.
err-vote-candidate-not-member = A candidate must be a member of the cluster or block.
err-vote-candidate-twice = A unit is listed twice among the candidates.
err-vote-closed = The vote is closed.
err-vote-not-candidate = This unit is not a candidate in the vote.
err-vote-already = The unit has already voted on this candidate; each unit votes once.
err-vote-head-only = Only the head of the cluster or block can do this.
err-vote-opinion-needs-note = A written opinion needs a note (its document number, date…).
err-vote-no-quorum = Too few members have taken part to close the vote before its end date.
err-vote-secret = Ballots can be seen only once the vote is closed.

## Year's end: the conditions of a title (domain/year-end/conditions.ts)
cond-rating-excellent = Tasks completed with excellence
cond-rating-good = Tasks completed well or better
cond-all-members-complete = 100% of members completed their tasks
cond-advanced-70 = At least 70% of members rated advanced workers
cond-emulation-soldier = At least one grassroots emulation soldier
cond-no-discipline = No member disciplined at warning or above
cond-unity = Internal unity
cond-no-pending-case = No discipline, inspection or complaint case pending
cond-group-member = A member of a provincial cluster/block
cond-leads-group = Leads its cluster/block (ranked first)
cond-vote-passed = Passed by its cluster/block's vote at the required share
cond-targets-exceeded = Emulation targets exceeded
cond-outstanding = Outstanding example
cond-two-years-excellent = Two consecutive years completing tasks with excellence (or excellent collective)
cond-status = { $status ->
    [met] ✅ Met
    [not_met] ❌ Not met
    [people_decide] 👥 For the Council to judge
   *[not_declared] ❔ Not declared
  }
task-rating = { $rating ->
    [xuat-sac] Tasks completed with excellence
    [tot] Tasks completed well
    [hoan-thanh] Tasks completed
   *[khong-hoan-thanh] Tasks not completed
  }

## Year's end, part "vote": /binhxet (the bình xét vote) and /denghi (proposals of titles)
tg-cmd-vote = Cluster vote (bình xét)
help-cmd-vote = { $role ->
    [cluster_head] open a vote (emulation flag, certificate of merit), record written opinions, close it and see the results
    [admin] see the clusters' votes and their results
   *[other] vote in your cluster, see the results once it is closed
  }
tg-cmd-propose = Year-end award proposals
help-cmd-propose = { $role ->
    [cluster_head] propose the units that passed the vote, see the conditions
    [admin] see the award proposals and their conditions
   *[other] propose your unit's collective title, declare the conditions, withdraw
  }
menu-vote = Vote
vote-not-allowed = This is for the people of a cluster's member units and the Board.
vote-no-group = Your unit is in no cluster or block, so it has no vote.
vote-none = No vote yet.
vote-list = Votes ({ $count }). Pick one to see it or to vote.
vote-list-help = Pick the vote to see, or open a new one (cluster head).
vote-open-button = ➕ Open a vote: { $title }
vote-list-button = { $title } ({ $closed ->
    [yes] closed
   *[no] voting
  })
vote-rank-line = { $rank }. { $unit } — { $total } points{ $tied ->
    [yes] {" "}⚖ tied
   *[no] {""}
  }
vote-tie-note = ⚖ Some units are tied. Under { $source }, ties prefer a woman or a collective with at least 70% women: the cluster decides, the bot does not apply it.
vote-tied-at-edge = ⚠️ A tie at the quota's last place: { $units }. The cluster head chooses who is voted on.
vote-candidates-intro = Opening a vote: { $title }. Quota: { $quota } unit(s). Ranking by the scoring table:
vote-candidates-chosen = Candidates ({ $count }): { $units }
    Press a unit to add or remove it, then "Continue".
vote-candidates-help = Press a unit to add it to or remove it from the candidates; then press "Continue".
vote-candidates-ok = Continue ▶
vote-ends-prompt = Last day of voting (dd/mm/yyyy, e.g. 05/12/2020)? From that day the cluster head may close the vote without the quorum.
vote-ends-help = Type the last day of voting, e.g. 05/12/2020.
vote-ends-invalid = "{ $value }" is not a valid date. Type it as dd/mm/yyyy, e.g. 05/12/2020.
vote-opened = ✅ The vote is open; the member units have been told.
vote-heading = 🗳 Vote: { $title } — { $closed ->
    [yes] closed on { $closedOn }
   *[no] voting until { $endsOn }
  }
    Taking part: { $present } voting, { $written } written opinion(s) / { $members } members (quorum { $quorum }: { $quorumMet ->
    [yes] reached
   *[no] not reached
  }).
vote-candidate-line = • { $unit } (rank { $rank }, { $total } points)
vote-participation = Voted on all: { $done }
    Voting: { $partly }
    Not yet: { $none }
vote-own-title = Your unit's ballot:
vote-own-line = • { $unit }: { $choice ->
    [approve] ✅ Approve
    [disapprove] ❌ Do not approve
   *[none] — not voted yet
  }
vote-results-title = Results (shares of all members):
vote-result-line = • { $unit }: { $approve }/{ $members } approve ({ $share }), { $disapprove } against, { $silent } no opinion — { $passes ->
    [yes] ✅ reaches { $threshold }
   *[no] ❌ below { $threshold }
  }
vote-written-line = ✉ Written opinion of { $unit }: { $note }
vote-manage-help = Pick what to do with this vote.
vote-ballot-button = 🗳 Vote
vote-absent-button = ✉ Record an absent member's written opinion
vote-close-button = 🔒 Close the vote
vote-ballot-prompt = Vote on { $title }: do you approve proposing { $unit } (rank { $rank }, { $total } points)? One ballot per unit; ballots stay secret until the close.
vote-ballot-help = Press "Approve" or "Do not approve". A ballot cast cannot be changed.
vote-approve = ✅ Approve
vote-disapprove = ❌ Do not approve
vote-no-opinion = No opinion
vote-ballot-kept = Ballot kept: { $unit } — { $choice ->
    [approve] approve
   *[disapprove] do not approve
  }.
vote-ballot-done = Your unit has voted on every candidate. The results are shown when the cluster head closes the vote.
vote-absent-prompt = Which absent member sent a written opinion?
vote-absent-help = Pick the absent unit whose written opinion you received.
vote-opinion-prompt = The written opinion of { $absent } on proposing { $unit }?
vote-opinion-help = Pick what the absent unit's letter says.
vote-note-prompt = A note on { $absent }'s letter (its number, date…):
vote-note-help = Type the letter's number and date, e.g. Letter no. 12/UBND of 03/12/2020.
vote-note-expected = The note needs 3 to 1,000 characters: the letter's number and date, e.g. Letter no. 12/UBND of 03/12/2020.
vote-opinion-kept = ✅ The written opinion of { $absent } is recorded.
vote-closed = 🔒 The vote is closed; the member units and the Board have been told the results.
vote-opened-notice = 🗳 { $group } opened a vote on the { $title ->
    [co-thi-dua-ubnd-tinh] emulation flag of the Provincial People's Committee
   *[other] certificate of merit of the Provincial Chairman
  }. Candidates: { $candidates }. Voting until { $endsOn }. Type /vote to vote.
vote-closed-notice = 🔒 { $group } closed its vote on the { $title ->
    [co-thi-dua-ubnd-tinh] emulation flag of the Provincial People's Committee
   *[other] certificate of merit of the Provincial Chairman
  }. Results:
    { $results }
err-vote-unknown = This vote was not found.
err-vote-no-table = The cluster has no scoring table in the movement file, so no vote can be opened.
err-vote-ends-past = The last day of voting cannot be before today.
err-vote-open-already = The cluster already has an open vote on this title.
prop-board-heading = Award proposals: { $count }.
prop-board-count = • { $title }: { $count }
prop-board-more = … and { $count } more.
prop-board-document = Each proposal's conditions, score, vote and dossier are in the "Summary of award proposals" document: /export → Year-end documents.
prop-none = No award proposal yet.
prop-list = Proposals ({ $count }). Pick one to see its conditions, declare them or withdraw it.
proposal-list-help = Pick the proposal to see, or make a new one.
prop-from-vote-button = ➕ Propose { $unit }: { $title }
prop-own-button = ➕ Propose my unit: { $title }
prop-made = ✅ { $title } proposed for { $unit }.
prop-made-notice = 🏅 { $group } proposed your unit for the { $title ->
    [co-thi-dua-ubnd-tinh] emulation flag of the Provincial People's Committee
   *[other] certificate of merit of the Provincial Chairman
  }. Type /propose to declare the conditions.
prop-heading = 🏅 { $unit } — { $title }{ $cluster ->
    [yes] {" "}(proposed by the cluster)
   *[no] {" "}(proposed by the unit)
  }
    Conditions:
prop-condition-line = • { $condition }: { $status } ({ $source }{ $practice ->
    [yes] , in practice
   *[no] {""}
  })
prop-people-decide = The bot only checks the conditions; the Council and the Provincial Chairman decide.
proposal-detail-help = Press "Declare the conditions" to answer each question, or "Withdraw".
prop-declare-button = ✍ Declare the conditions
prop-withdraw-button = Withdraw
proposal-declare-help = Answer the question, or press "Skip" to leave it undeclared.
prop-ask-rating = This year's task rating of the unit (set by its superior)?
prop-ask-previous-rating = Last year's task rating of the unit?
prop-ask-completing = Share of members who completed their tasks (%)? E.g. 100.
prop-ask-advanced = Share of members rated advanced workers (%)? E.g. 75,5.
prop-ask-soldiers = How many grassroots emulation fighters does the unit have? E.g. 2.
prop-ask-disciplined = Was any member disciplined at reprimand or above this year?
prop-ask-pending = Is a discipline, inspection or complaint case about the unit pending?
prop-yes = Yes
prop-share-invalid = "{ $value }" is not a valid share: type a number from 0 to 100, e.g. 75,5.
prop-count-invalid = "{ $value }" is not a valid count: type a whole number, e.g. 2.
prop-declared = ✅ Declarations saved.
prop-withdraw-confirm = Withdraw the proposal of { $title } for { $unit }?
proposal-withdraw-help = Press "Withdraw" to confirm, or go back.
prop-withdrawn = Proposal withdrawn.
err-proposal-exists = The unit is already proposed for this title.
err-proposal-vote-open = The vote is not closed yet, so no proposal can be made from it.
err-proposal-not-passed = The unit did not reach the vote's threshold, so it cannot be proposed.
err-proposal-over-quota = Over the cluster's quota ({ $quota } unit(s)).
err-proposal-not-own-title = A unit proposes itself only for excellent or advanced collective.
err-proposal-one-own-title = The unit already proposed a collective title; withdraw it first to change.
err-proposal-unknown = This proposal was not found.
err-proposal-not-yours = This proposal is not your unit's or your cluster's.
err-proposal-withdrawn = The proposal has been withdrawn.
err-proposal-decided = The proposal has been decided and can no longer change.
err-proposal-bad-declaration = The declaration is not valid.

## Year's end: the self-assessment form (forms/score-form.ts, flows/score-form.ts, cli/commands/score-form.ts)
form-on-its-way-score = The self-assessment form is being prepared and will be sent here shortly.
form-sent-score = 📄 Self-assessment form. Enter points in the "Self score" column (points from the year's results are filled in and marked), an evidence link where you have one, and send the file back here.
form-file-not-score = This is not the self-assessment form; please send back the file the bot sent (Self-assessment).
form-file-is-score = This is the year-end self-assessment form, which does not belong here; please send the form the assistant sent for this.
form-col-code = Criterion code
form-col-criterion = Criterion
form-col-criterion-kind = Kind
form-col-max = Maximum
form-col-source = Source of points
form-col-points = Self score
score-form-sheet = Self-assessment
score-form-title = EMULATION SELF-ASSESSMENT SHEET
score-form-subtitle = Enter points in the "Self score" column (e.g. 7,5); do not change the "Criterion code" column.
score-form-kind = { $kind ->
    [deduction] Deduction
    [bonus] Bonus
   *[score] Score
  }

## Year's end: the documents (documents/minutes.ts, submission.ts, scores.ts, proposals.ts; /export; `thidua document`)
doc-ye-head-title = ON BEHALF OF { $group } | { $kind ->
    [khoi] HEAD OF THE BLOCK
   *[cum] HEAD OF THE CLUSTER
  }
doc-ye-council = Provincial Emulation and Commendation Council of { $province }
doc-ye-col-total = Total points
doc-ye-col-rank = Rank
doc-ye-col-approve = Approve
doc-ye-col-disapprove = Disapprove
doc-ye-col-silent = No opinion
doc-ye-col-share = Approvals of all members
doc-ye-col-outcome = Result
doc-ye-col-self = Self-scored
doc-ye-col-final = After review
doc-ye-col-code = Code
doc-ye-col-criterion = Criterion
doc-ye-col-kind = Kind
doc-ye-col-max = Maximum
doc-ye-col-title = Title or award
doc-ye-col-proposals = Proposals
doc-ye-col-complete = Complete dossiers
doc-ye-col-incomplete = Incomplete dossiers
doc-ye-col-late = Sent late
doc-ye-col-vote = Vote
doc-ye-col-conditions = Conditions (as declared)
doc-ye-col-dossier = Dossier
doc-ye-share-of = { $approve }/{ $members } ({ $share })
doc-ye-passes = { $passes ->
    [yes] Passes (≥ { $threshold })
   *[no] Fails (< { $threshold })
  }
doc-ye-vote-yes = Reached the threshold
doc-ye-vote-no = Below the threshold
doc-ye-tied = Tied
doc-ye-not-sent = score sheet not sent
doc-ye-adjusted = adjusted by the head
doc-ye-tie-note = Tied units are noted for the cluster to consider; under { $source }, among collectives with equal achievements preference goes to one headed by a woman or with at least 70% women. The meeting decides whether to apply it.
doc-ye-attendance = Members: { $members } units; present and voting: { $present }; written opinions: { $written }; taking part { $taking }/{ $members } ({ $share }). Quorum { $quorum } (at least { $needed } units): { $met ->
    [yes] reached.
   *[no] not reached; the vote closed on its end date { $endsOn }.
  }
doc-ye-written-heading = Written opinions of absent members:
doc-ye-written-line = { $unit } ({ $note }): approves { $approve }; disapproves { $disapprove }.
doc-ye-absent = Absent members without an opinion ({ $count }): { $names }.
doc-ye-minutes-number-kind = BB
doc-ye-minutes-kind = MINUTES
doc-ye-minutes-title = Bình xét meeting on the { $year } emulation of { $group }
doc-ye-minutes-opening = On { $date }, { $group } held its meeting to deliberate on the { $year } emulation titles. Chaired by { $head } (the { $kind ->
    [khoi] head of the block
   *[cum] head of the cluster
  }).
doc-ye-minutes-h-members = I. PARTICIPANTS
doc-ye-minutes-members = { $group } has { $count } member units. Who took part in each vote is set out in section III.
doc-ye-minutes-h-scores = II. SCORES AND RANKING
doc-ye-minutes-scores-intro = Scores by table { $table } (each unit's own score and the score after the head's review), ranked by the total after review:
doc-ye-minutes-h-vote = III. RESULTS OF THE VOTE
doc-ye-minutes-h-conclusion = IV. CONCLUSIONS
doc-ye-conclusion-pass = { $title } is proposed for { $count } unit(s) approved by at least { $threshold } of all members of { $group }: { $names }.
doc-ye-conclusion-fail = Below { $threshold } of all members for { $title } ({ $count }): { $names }.
doc-ye-conclusion-no-quorum = The vote on { $title } closed on its end date { $endsOn } without the required attendance.
doc-ye-minutes-closing = These minutes are sent to { $standingBody } with the proposals' dossiers of { $group }.
doc-ye-secretary = SECRETARY
doc-ye-chair = CHAIR
doc-ye-submission-number-kind = TTr
doc-ye-submission-kind = SUBMISSION
doc-ye-submission-title = Proposal of awards for the { $year } emulation
doc-ye-submission-to = To: { $council } (through { $standingBody })
doc-ye-submission-intro = On the basis of the { $year } scores{ $hasVote ->
    [yes] {" "}and the minutes of the bình xét meeting of { $date }
   *[no] {""}
  } of { $group }, { $group } asks the Council to consider and submit to the Chairman of the Provincial People's Committee the following units:
doc-ye-submission-line = { $title }: { $count } unit(s)
doc-ye-submission-closing = (Dossiers attached.) { $group } submits this to { $council } for its consideration.
doc-ye-submission-recipients =
    As above;
    { $standingBody };
    Member units;
    Archive.
doc-ye-scores-number-kind = BĐ
doc-ye-scores-kind = SUMMARY TABLE
doc-ye-scores-title = Emulation scores { $year } of { $group }
doc-ye-scores-criteria = Scoring table { $table }: criteria and maximum points.
doc-ye-scores-results = Points of the { $members } member units, by rank:
doc-ye-scores-legend = Notes: "*" points from the year's results of the registered targets; "a → b": the unit scored a, the head adjusted it to b; "=" tied.
doc-ye-adjustments-heading = Points adjusted by the head:
doc-ye-adjustment-line = { $unit }, criterion { $code }: { $from } → { $to }. Reason: { $reason }
doc-ye-scores-recipients =
    Member units;
    Archive.
doc-ye-criterion-kind = { $kind ->
    [deduction] Deduction
    [bonus] Bonus
   *[score] Score
  }
score-form-from-results = From the year's results
score-form-total = Total (deductions taken off)
score-form-help = The self-assessment of { $unit } by the scoring table of { $group }. Enter each criterion's points in the "Self score" column, from 0 to its maximum, decimals with a comma (7,5). Points marked "From the year's results" come from the targets' results; keep or change them. Leave deductions and bonuses blank when there are none. The evidence column takes a link (http://…). Send the file back in the chat; the bot reads it, lists any problems by row, and asks before saving. Sending the sheet to the cluster head is done in /score.
score-form-err-range = "{ $value }" is out of range: from 0 to { $max } points.
score-form-err-no-code = the row has points but no criterion code; do not clear the "Criterion code" column.
score-form-err-code = "{ $code }" is not a criterion code of the scoring table; do not change the "Criterion code" column.
score-form-err-code-twice = criterion { $code } is already on a row above (a copied row).
score-form-no-points = The file has no new points to save (the "Self score" cells are blank or keep the points from the year's results).
score-form-no-cluster = { $unit } is in no cluster or block with a scoring table in this movement.
score-form-no-registration = Your unit has no registration this year, so the Excel form cannot be used; please score in the chat with /score.
score-form-no-registration-of = Unit { $unit } has no registration in this movement.
score-form-not-allowed = Only a unit's liaison scores the unit.
score-form-wait = Fill in the form and send the .xlsx file back here.
score-form-stop = Stop
score-form-send-file = Please send the filled form (.xlsx), or press "Stop".
score-form-stopped = Stopped. You can score in the chat with /score.
score-form-line = • { $code } { $title }: { $points }/{ $max }{ $evidence ->
    [yes] {" "}(with evidence)
   *[no] {""}
  }
score-form-counts = Points to save: { $count } criteria; kept from the year's results: { $kept }; left blank: { $blank }.
score-form-total-after = Total once saved: { $total }{ $complete ->
    [yes] {""}
   *[no] {" "}(some criteria not scored yet)
  }.
score-form-confirm = Save these self-scores? (Not sent to the cluster head yet: that is done in /score.)
score-form-saved = ✔ Saved the points of { $count } criteria. Total: { $total }{ $complete ->
    [yes] . The sheet is complete; send it to the cluster head in /score.
   *[no] {" "}(some criteria not scored yet).
  }
cli-import-scores-usage = Usage: thidua import-scores <file.xlsx> --unit CODE [--dry-run]
cli-help-import-scores = Import a unit's filled self-assessment form
tg-cmd-scoreform = Self-assessment by Excel form
help-cmd-scoreform = score the unit's year by Excel form
score-form-form_wait-help = Open the self-assessment form the assistant sent, enter points in the "Self score" column and send the file (.xlsx) back here.
score-form-form_reading-help = The assistant is reading the file you sent; the result will show here.
score-form-confirm-help = "Save" writes the points above to the unit's sheet (not sent to the cluster head yet); "Don't save" ignores the file and leaves the sheet as it is.

## Year's end: dossiers and the decision (/hoso, /quyetdinh; domain/year-end/dossiers.ts, decisions.ts)
tg-cmd-dossier = Dossiers of award proposals
help-cmd-dossier = send a proposal's dossier documents; the Board sees the table of dossiers
dossier-pick-help = Choose the award proposal whose dossier you send.
dossier-items-help = Choose a document on the checklist, then send its PDF, DOC or DOCX file; ✅ marks those sent (sending again replaces).
dossier-file-help = Send the file as a document (not a photo): PDF, DOC or DOCX, up to 20 MB.
decision-list-help = Choose a proposal to record the Chairman's decision on it.
decision-outcome-help = Choose "Awarded" or "Not awarded" as the signed decision says.
decision-number-help = Type the decision's number as printed, e.g. 125/QĐ-UBND.
decision-date-help = Type the date the decision was signed, e.g. 15/01/2021.
menu-dossier = 📁 Award dossiers
rem-dossier-title = 📁 Reminder: award proposals' dossiers — { $movement }. Deadline: { $deadline } ({ rem-when }).
rem-dossier-line = • { $title } — { $unit }: still missing { $missing }
rem-dossier-what = { $count } award dossiers incomplete
cli-reminder-what-dossier = Award dossiers: { $dir ->
    [before] { $days } days before
    [after] { $days } days after
   *[on] on
  } the dossier deadline, at { $at }
err-reminder-dossier-escalate = Dossier reminders are not escalated to the cluster head (the senders are reminded by name): leave out --escalate.
tg-cmd-decision = Record award decisions
help-cmd-decision = record the Chairman's decision on each proposal
dossier-item-to-trinh = Submission (tờ trình)
dossier-item-bao-cao-thanh-tich = Achievement report
dossier-item-bien-ban = { $commendation ->
    [yes] Minutes of the award review meeting
   *[no] Minutes of the bình xét meeting (with the vote results)
  }
dossier-status = { $status ->
    [complete] ✅ Complete
    [late] ⏰ Complete, sent late
   *[incomplete] ⬜ Incomplete
  }
dos-no-year-end = The movement has no year-end section yet (dossier deadline, confirmations).
dos-none = There is no award proposal you need to send a dossier for.
dos-none-board = There are no award proposals yet.
dos-pick = { $count } proposals need a dossier. Choose one:
dos-checklist = 📁 Dossier: { $proposal }
    Deadline: { $deadline } · { $received }/{ $total } received · { dossier-status }
dos-line-missing = ⬜ { $item }: not sent
dos-line-received = ✅ { $item }: { $name } ({ $on }){ $late ->
    [yes] {" "}⏰ sent late
   *[no] {""}
  }
dos-items-prompt = Choose a document to send its file (a new file replaces the earlier one in the checklist; the earlier is kept).
dos-end = Done
dos-item-first = Choose the document first, then send the file.
dos-file-prompt = Send the file for { $item } (PDF, DOC or DOCX, up to 20 MB).
dos-file-expected = Send a PDF, DOC or DOCX file (as a document), or press Back.
dos-file-kind = Only PDF, DOC or DOCX files sent as documents are accepted (not photos).
dos-file-taken = 📥 Received { $name }, checking it…
dos-received = ✅ Saved { $item }: { $name }.{ $late ->
    [yes] {" "}⏰ Sent after the deadline: recorded as late.
   *[no] {""}
  }
    The dossier has { $received }/{ $total } documents. Still missing: { $missing }
dos-file-refused = { $name } was not accepted: { $reason ->
    [too-big] it is over 20 MB.
    [empty] it is empty.
    [zip-bomb] it is an unusual compressed file.
    [source] it cannot be downloaded from that source.
    [not-fetched] it could not be downloaded; please send it again.
   *[not-document] its content is not a PDF, DOC or DOCX.
  }
dos-gone = This proposal no longer stands (withdrawn, or not in the open movement); the file was not added to a dossier.
dos-failed = The dossier file could not be processed; please send it again in a few minutes.
dos-table-title = 📊 Award proposals' dossiers ({ $count } proposals; deadline { $deadline })
dos-table-row = • { $title } · { $group }: { $complete } complete, { $late } late, { $incomplete } incomplete
dos-table-open = { dossier-status } — { $proposal }; missing: { $missing }
dos-table-more = … and { $count } more dossiers
err-dossier-not-found = This proposal was not found (it may have been withdrawn).
err-dossier-not-yours = You are not the one who sends this proposal's dossier.
err-dossier-item-unknown = This document is not on the proposal's checklist.
err-decision-no-proposal = This proposal was not found (it may have been withdrawn).
dec-none = There are no award proposals to record a decision for.
dec-list = { $count } proposals, { $decided } with a decision recorded. Page { $page }/{ $pages }. Choose one:
dec-outcome = { $outcome ->
    [awarded] 🏅 Awarded
   *[not_awarded] ✖ Not awarded
  }
dec-outcome-prompt = { $proposal }
    What did the Chairman decide?
dec-number-prompt = The decision's number (e.g. 125/QĐ-UBND):
dec-number-invalid = That is not a decision number (up to 40 characters: letters, digits, "/", "-", "."), e.g. 125/QĐ-UBND.
dec-date-prompt = The date the decision was signed (dd/mm/yyyy):
dec-date-invalid = That is not a date; type it as dd/mm/yyyy, e.g. 15/01/2021.
dec-date-future = The signing date cannot be after today ({ $today }).
dec-recorded = Recorded: { $title } — { dec-outcome }, Decision no. { $number } of { $on }.{ $told ->
    [yes] {" "}The unit was told.
   *[no] {""}
  }
dec-notice = 📜 Decision no. { $number } of { $on } of the Chairman of the Provincial People's Committee: your unit { $outcome ->
    [awarded] is awarded
   *[not_awarded] is not awarded
  } { $title ->
    [co-thi-dua-ubnd-tinh] the Emulation flag of the Provincial People's Committee
    [bang-khen-ubnd-tinh] the Certificate of merit of the Provincial People's Committee chair
    [tap-the-lao-dong-xuat-sac] the title Excellent Labour Collective
   *[tap-the-lao-dong-tien-tien] the title Advanced Labour Collective
  }.
reg-title-awarded = Awarded { $title } in { $years }
cli-help-dossiers = the table of award proposals' dossiers: complete, late, incomplete
cli-option-dossiers-movement = the movement's code (default: the open movement)
cli-dossiers-line = { $unit } · { $title } · { $group }: { dossier-status } ({ $received }/{ $total }){ $hasMissing ->
    [yes] {" "}— missing: { $missing }
   *[no] {""}
  }
cli-help-awards = the titles awarded by the decisions recorded
cli-option-awards-movement = the movement's code (default: the open movement)
cli-option-awards-csv = write CSV (as a Vietnamese-locale Excel reads it)
cli-option-awards-out = write the CSV to this file instead of the screen
cli-awards-none = No title has been recorded as awarded yet.
cli-awards-line = { $unit } — { $title }: Decision no. { $number } of { $on }
cli-awards-written = Wrote { $count } rows to { $path }
awards-col-unit-code = Unit code
awards-col-unit = Unit
awards-col-title = Title
awards-col-group = Cluster/block
awards-col-number = Decision no.
awards-col-date = Decision date

# Issue 24, part "scoring": /score — the unit's self-assessment, cross-scoring, the cluster head's review.
menu-score = Year-end scoring
tg-cmd-score = Year-end scoring
help-cmd-score = { $role ->
    [liaison] score your unit against your cluster's table and send it to the cluster head; cross-score when asked
    [cluster_head] see the members' scores side by side, the ranking, adjust a score with a reason, assign cross-scoring
   *[other] see each cluster's scores and ranking (read only)
  }
score-refused = Only liaisons, cluster heads and the Board can use scoring.
score-no-group = Your unit is in no cluster or block with a scoring table this year.
score-not-head = Your unit heads no cluster or block with a scoring table this year.
score-no-table = The movement has no year-end scoring table for any cluster or block.
err-cross-same-unit = A unit does not cross-score itself.
err-cross-not-yours = This cross-scoring was not assigned to your unit.
score-line = • { $code } { $title }: { $kind ->
    [deduction] minus { $points }
    [bonus] bonus { $points }
   *[score] { $points }
  }/{ $max }{ $marks }
score-prefilled-mark = (from the year's results)
score-evidence-mark = 📎 { $kind ->
    [link] { $ref }
    [photo] photo
   *[other] file
  }
score-adjusted-line = ↳ Adjusted by the cluster head: { $to } — reason: { $reason }
score-cross-line = ↳ Cross-score ({ $scorer }): { $points }
score-state-draft = Not sent to the cluster head yet.
score-state-sent = Sent to the cluster head on { $date }.
score-total = Total: { $total }{ $adjusted ->
    [yes] {" "}(self-score { $own }, after the cluster head's adjustment { $total })
   *[no] {""}
  }{ $complete ->
    [no] {" "}— some criteria not scored yet
   *[yes] {""}
  }
score-cross-total = Cross-score total: { $total }{ $complete ->
    [no] {" "}— some criteria not scored yet
   *[yes] {""}
  }
score-cross-sent = Sent to the cluster head.
score-home = Year-end scoring — { $group }. Which sheet?
score-home-own = 📝 Your unit's self-assessment
score-home-cross = 🔁 Cross-score: { $unit }{ $sent ->
    [yes] {" "}(sent)
   *[no] {""}
  }
score-done = Done
score-closed = Scoring closed. Type /score to open it again.
score-own-heading = Self-assessment — { $unit } ({ $group }, table { $table })
score-cross-heading = Cross-scoring { $unit } ({ $group })
score-pick-prompt = Press a criterion's code (or type it, e.g. I.3) to score it; when done press "Send to the cluster head".
score-pick-expected = Please press or type the code of a criterion in the table.
score-excel = 📥 Score in an Excel file
score-send = 📤 Send to the cluster head
score-points-prompt = { $code } { $title } — at most { $max } points{ $kind ->
    [deduction] {" "}(deduction)
    [bonus] {" "}(bonus)
   *[score] {""}
  }. Now: { $current }{ $prefilled ->
    [yes] {" "}(from the year's target results)
   *[no] {""}
  }.
    Type the points, e.g. 7,5:
score-keep = Keep { $points } points
score-points-expected = Please type the points, e.g. 7,5 (a comma before the decimals).
score-points-saved = ✔ Recorded { $code }: { $points } points.
score-evidence-prompt = Evidence for criterion { $code }: send a photo, a file (PDF, Word…) or a link; or press "No evidence".
score-evidence-none = No evidence
score-send-prompt = { $cross ->
    [yes] Send the cross-scoring ({ $total } points) to the cluster head?
   *[no] Send the self-assessment ({ $total } points) to the cluster head?
  } Once sent, your unit can no longer change it.
score-sent-done = ✔ Self-assessment sent to the cluster head. If the head adjusts a score, you will be told why.
score-sent-notice = { $unit } sent its year-end self-assessment ({ $group }): { $total } points.
score-cross-sent-done = ✔ Cross-scoring sent to the cluster head.
score-cross-sent-notice = { $scorer } cross-scored { $unit } ({ $group }): { $total } points.
score-pick-group = Which cluster or block?
score-board-heading = Scores — { $group } (table { $table }){ $readOnly ->
    [yes] {" "}· read only
   *[no] {""}
  }
score-board-ranked = Ranking ({ $count }/{ $members } units have sent their self-assessment):
score-board-rank = { $tied ->
    [yes] { $rank }. ⚖
   *[no] { $rank }.
  }
score-board-row = { $code } — { $name }: { $total } points{ $adjusted ->
    [yes] {" "}(self-score { $own })
   *[no] {""}
  }
score-board-cross = cross-scores: { $scores }
score-board-none-sent = No unit has sent its self-assessment yet.
score-board-tie-note = ⚖ Tied: the assistant does not order tied units. Under { $source }, among equal achievements preference goes to a woman or a collective with at least 70% women; the cluster decides.
score-board-not-sent = Not sent yet ({ $count } units), points so far:
score-board-prompt = Press a unit to see its sheet in full.
score-member-heading = Scores of { $unit }
score-assign = 🔁 Assign cross-scoring
score-adjust = ✏️ Adjust a score
score-adjust-line-prompt = Adjust which criterion?
score-adjust-points-prompt = { $code } { $title } (at most { $max } points). Type the adjusted points, e.g. 7,5:
score-adjust-reason-prompt = Why adjust { $code } to { $points } points? (the unit will be told this reason)
score-adjust-saved = ✔ { $code } adjusted to { $points } points; the unit was told the reason.
score-adjusted-notice = The cluster head ({ $group }) adjusted your unit's criterion { $code } { $title }: from { $from } to { $to } points. Reason: { $reason }. Total now: { $total }.
score-assign-scorer = Which unit scores?
score-assign-scored = Which unit does it score?
score-assigned = ✔ { $scorer } will cross-score { $unit }; its liaisons were told.
score-assigned-already = { $scorer } was already asked to cross-score { $unit }.
score-cross-notice = The cluster head ({ $group }) asked your unit to cross-score { $unit }. Type /score to do it.
score-home-help = Choose your unit's self-assessment, or a cross-scoring the cluster head assigned.
score-sheet-help = Press a criterion's code to score it (points marked "from the year's results" come from your targets' results; keep or change them). Score every criterion, then press "Send to the cluster head".
score-points-help = Type points from 0 to the criterion's maximum, with a comma for decimals: 7,5.
score-evidence-help = Send a photo, a document or a link as evidence; if there is none press "No evidence".
score-send-help = Once sent, only the cluster head can adjust the scores, with a reason.
score-pick-help = Choose the cluster or block to see.
score-board-help = Ranked by total after adjustments, among units that sent their sheet; tied units are marked ⚖ for the cluster to decide.
score-member-help = Each criterion: the unit's own points, evidence, the head's adjustment and cross-scores.
score-adjustline-help = Choose the criterion to adjust; the unit's own points are kept beside it.
score-adjustpoints-help = Type the adjusted points, from 0 to the criterion's maximum.
score-adjustreason-help = The reason is kept and sent to the unit (at least 5 characters).
score-crossscorer-help = Choose the unit that will score another member.
score-crossscored-help = Choose the unit to be cross-scored.

## The year's end in one menu button (flows/year-end-menu.ts)
menu-yearend = 🏅 Year's end
menu-proposal = Award proposals
menu-decision = Award decisions
yearend-menu = The year's end: scoring, the bình xét vote, award proposals and dossiers. Choose what to do.
yearend-not-allowed = The year's end is for unit liaisons, cluster/block heads and the Board.
tg-cmd-yearend = The year's end
help-cmd-yearend = the year's end: scoring, the vote, award proposals, dossiers

doc-ye-from-results = { $source ->
    [targets-exceeded] Share of targets exceeded
   *[targets-reached] Share of targets reached
  }
doc-ye-condition = { $condition }: { $status ->
    [met] met
    [not_met] not met
    [people_decide] for the Council to judge
   *[not_declared] not declared
  }
doc-ye-dossier-item = { $item ->
    [to-trinh] submission
    [bao-cao-thanh-tich] achievement report
   *[bien-ban] minutes
  }
doc-ye-dossier-complete = Complete
doc-ye-dossier-missing = Missing: { $items }
doc-ye-dossier-late = Sent after the deadline
doc-ye-proposals-title = Summary of the award proposals for the { $year } emulation
doc-ye-proposals-intro = { $launch }, { $body } has summed up the { $year } award proposals of the clusters, blocks and units{ $hasDeadline ->
    [yes] {" "}(dossiers due { $deadline })
   *[no] {""}
  } and reports to the Council as follows:
doc-ye-proposals-h-totals = I. PROPOSALS AND DOSSIERS
doc-ye-proposals-totals = { $total } proposals; complete dossiers: { $complete }; incomplete: { $incomplete }; with a document sent late: { $late }. Each unit is listed in the annexes.
doc-ye-proposals-h-notes = II. CONDITIONS CHECKED
doc-ye-proposals-notes = Conditions are checked against what each unit declared, its cluster's scores and vote, and the year's results of its targets; qualitative matters (outstanding, internal unity) are for the Council. The decision on any award belongs to the Chairman of the Provincial People's Committee.
doc-ye-proposals-council = { $council } is asked to meet on { $date }.
doc-ye-proposals-annex-title = PROPOSALS FOR { $title } { $year }
exp-doc-yearend = Year-end documents: minutes, submission, scores, summary of proposals (Word)
exp-doc-yearend-prompt = Which year-end document?
export-yearend-help = Choose a document: a cluster's minutes, submission or table of scores; the Board also has the summary of award proposals. /cancel to stop.
export-cluster-help = Choose or type the cluster's or block's code (e.g. CUM1). /cancel to stop.
exp-doc-minutes = Minutes of a cluster's bình xét meeting (Word)
exp-doc-submission = A cluster's submission of award proposals (Word)
exp-doc-scores = A cluster's table of scores (Word)
exp-doc-proposals = Summary of award proposals for the Council (Word)
exp-doc-cluster-prompt = The documents of which cluster or block?
cli-option-document-cluster = minutes, submission, scores: the cluster's or block's code (e.g. CUM1)
err-doc-cluster-unknown = No cluster or block "{ $code }". Clusters and blocks: { $groups }
err-doc-cluster-needed = Choose a cluster or block (--cluster CODE). Clusters and blocks: { $groups }
err-doc-cluster-no-table = Cluster or block { $code } has no scoring table in the movement file.
err-doc-minutes-no-vote = { $group } has closed no vote yet: there are no minutes to draw up.
err-doc-submission-none = { $group } has made no proposal yet: there is no submission to draw up.

## Reminders before the self-assessment date (reminders/score-reminders.ts)
rem-score-text = 📝 Reminder: the year-end self-assessment — { $movement }. { $unit } has not sent its score sheet to the cluster head ({ $group }). Due: { $deadline } ({ rem-when }).
rem-score-what = year-end score sheet not sent to the cluster head
cli-reminder-what-score = Self-assessment: { $dir ->
    [before] { $days } days before
    [after] { $days } days after
   *[on] on
  } the self-assessment date, at { $at }
