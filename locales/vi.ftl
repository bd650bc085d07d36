# Trợ lý Thi đua — tiếng Việt (ngôn ngữ mặc định).
# Biến đặt trong { $ten }. Dòng bắt đầu bằng dấu cách là phần tiếp theo của thông điệp.

## Tên gọi dùng chung

role-admin = Cán bộ Ban Thi đua - Khen thưởng (quản trị)
role-cluster_head = Cụm/Khối trưởng
role-liaison = Cán bộ đầu mối
role-viewer = Lãnh đạo (chỉ xem)

unit-kind-so = Sở
unit-kind-ban-nganh = Ban, ngành
unit-kind-doan-the = Đoàn thể
unit-kind-huyen = Huyện, thành phố
unit-kind-xa = Xã, phường, thị trấn
unit-kind-doanh-nghiep = Doanh nghiệp
unit-kind-khac = Khác

registration-status = { $status ->
    [none] Chưa đăng ký
    [draft] Chưa gửi
    [submitted] Chờ duyệt
    [returned] Trả lại
   *[approved] Đã duyệt
  }

review-action = { $action ->
    [submit] gửi
    [approve] duyệt
   *[return] trả lại
  }

## Cấu hình

config-invalid = Cấu hình không hợp lệ, chương trình dừng lại. Hãy sửa các biến môi trường (hoặc tệp .env) sau:
  { $problems }
config-bad-timezone = không phải múi giờ IANA, ví dụ Asia/Ho_Chi_Minh
config-bad-host-list = phải là danh sách tên máy chủ cách nhau bởi dấu phẩy, ví dụ zdn.vn,zadn.vn
config-bad-address-list = phải là danh sách địa chỉ IP cách nhau bởi dấu phẩy, ví dụ 127.0.0.1
config-bad-health-token = phải gồm 16–256 chữ cái, chữ số hoặc các dấu - _ . ~ + / =
config-bad-telegram-token = không giống mã bot do @BotFather cấp (123456:ABC…)
config-bad-zalo-app-id = phải là mã ứng dụng dạng số
config-bad-backup-at = phải là giờ dạng HH:MM (ví dụ 02:30) hoặc off
config-got = (đang là "{ $value }")
config-half-setup = { $messenger } mới cấu hình một nửa: đã đặt { $set } nhưng còn thiếu { $missing }. Hãy đặt nốt các biến còn thiếu, hoặc để trống cả { $set } để tắt { $messenger }.
messenger-telegram = Telegram
messenger-zalo = Zalo OA
messenger-zalobot = Zalo Bot Platform

## Lỗi nghiệp vụ

err-registration-transition = Không thể { review-action } bản đăng ký đang ở trạng thái "{ registration-status }".
err-registration-locked = Bản đăng ký đang ở trạng thái "{ registration-status }" nên không sửa được.
err-registration-empty = Bản đăng ký chưa có chỉ tiêu nào, chưa gửi được.
err-registration-unknown = Không tìm thấy bản đăng ký.
err-return-needs-reason = Cần ghi rõ lý do trả lại để đơn vị biết cần sửa gì.
err-target-needs-plan = Chỉ tiêu định lượng cần có giá trị kế hoạch và chiều so sánh (không thấp hơn / không vượt quá).
err-text-blank = Nội dung trống: sau khi bỏ khoảng trắng và ký tự ẩn không còn chữ nào.
err-title-not-offered = Danh hiệu "{ $title }" không thuộc các danh hiệu đơn vị này đăng ký với tỉnh.
err-titles-alternatives = Tập thể lao động tiên tiến và Tập thể lao động xuất sắc chỉ đăng ký một trong hai.
err-extension-not-later = Ngày gia hạn ({ $until }) phải sau hạn hiện tại ({ $from }).
err-extension-too-late = Không gia hạn quá ngày tổng kết phong trào ({ $latest }).
err-reopen-needs-reason = Mở lại bản đăng ký cần ghi lý do để đơn vị biết phải sửa gì.
err-reopen-not-approved = Chỉ mở lại được bản đăng ký đã duyệt (bản này đang ở trạng thái { registration-status }).
err-target-unknown = Không tìm thấy chỉ tiêu này.
err-area-unknown = Nội dung thi đua này không thuộc phong trào.
err-unit-unknown = Không có đơn vị mã "{ $code }".
err-invite-needs-unit = Mã mời cho vai trò { $role } phải gắn với một đơn vị (--unit).
err-movement-unknown = Không có phong trào mã "{ $code }".
err-no-movement = Chưa có phong trào nào đang mở. Hãy nạp một phong trào trước (thidua load-sample hoặc thidua import-movement).
err-period-unknown = Kỳ báo cáo này không thuộc phong trào.
err-report-empty = Báo cáo chưa có chỉ tiêu nào có kết quả.

## Kiểm tra tệp phong trào (JSON)

def-bad-date = cần ngày dạng YYYY-MM-DD
def-not-a-date = ngày không có thật trên lịch
def-bad-code = mã chỉ gồm chữ, số và các dấu "-", "_", "."
def-quantitative-needs-plan = chỉ tiêu định lượng cần "measure" và "planned"
def-ends-before-start = ngày kết thúc trước ngày bắt đầu
def-deadline-outside = hạn đăng ký phải nằm trong thời gian của phong trào
def-final-review-before-end = ngày tổng kết không được trước ngày kết thúc phong trào
def-duplicate = { $what ->
    [area] số thứ tự nội dung bị trùng
    [unit] mã đơn vị bị trùng
    [group] mã cụm/khối bị trùng
    [criterion] mã tiêu chí bị trùng
    [table] mã bảng điểm bị trùng
    [confirmation] mã giấy xác nhận bị trùng
   *[period] mã kỳ báo cáo bị trùng
  }
def-member-twice = đơn vị { $unit } đã thuộc { $group }
def-role-not-member = { $unit } không phải thành viên của cụm/khối này
def-no-area = không có nội dung thi đua số { $area }
def-share = cần một tỷ lệ lớn hơn 0 và không quá 1 (0.8 là 80%)
def-positive = cần một số lớn hơn 0
def-year-end-date-order = các mốc cuối năm phải theo thứ tự: tự chấm, họp cụm, hạn hồ sơ, Hội đồng
def-group-two-tables = cụm/khối { $group } đã có bảng điểm { $table }
def-results-only-score = chỉ tiêu chí cộng điểm ("score") mới lấy từ kết quả năm
def-no-group = không có cụm/khối mã { $group } trong tệp
def-unknown-unit = không có đơn vị mã { $unit } (trong tệp hay trong cơ sở dữ liệu)

## Nhập danh sách đơn vị (CSV, XLSX)

import-missing-column = Thiếu cột "Mã đơn vị" hoặc "Tên đơn vị". Các cột đang có: { $columns }
import-bad-code = mã đơn vị "{ $value }" không hợp lệ (chỉ gồm chữ không dấu, số, "-", "_", ".")
import-missing-name = thiếu tên đơn vị
import-duplicate-code = mã { $value } đã có ở dòng { $line }
import-missing-kind = thiếu loại đơn vị và không đoán được từ tên (Sở, Ban ngành, Đoàn thể, Huyện, Xã…)
import-bad-kind = không hiểu loại đơn vị "{ $value }" (Sở, Ban ngành, Đoàn thể, Huyện, Xã, Doanh nghiệp, Khác)
import-bad-role = không hiểu vai trò "{ $value }" (Trưởng, Phó hoặc để trống)
import-role-without-group = có vai trò Trưởng/Phó nhưng không ghi cụm/khối
import-bad-date = ngày "{ $value }" không hợp lệ (dd/mm/yyyy)
import-dates-reversed = ngày hết hiệu lực trước ngày có hiệu lực
import-two-holders = { $group } đã có { $unit } giữ vai trò này

## Dòng lệnh quản trị (thidua)

cli-usage = Cách dùng: thidua <lệnh> [tùy chọn]   (hoặc: npm run cli -- <lệnh>)
  Các lệnh:
cli-global-options = Tùy chọn chung: --json (kết quả dạng JSON cho script)  --lang vi|en  --db <tệp .db>  --help
cli-unknown-command = Không có lệnh "{ $name }".
cli-bad-option = Tùy chọn không hợp lệ: { $detail }
cli-missing-argument = Thiếu tham số <{ $name }>.
cli-progress = … đã xử lý { $done }/{ $total }
cli-help-migrate = Tạo hoặc nâng cấp cơ sở dữ liệu
cli-help-load-sample = Nạp phong trào mẫu năm 2020 của tỉnh Nam Định
cli-help-import-movement = Nhập định nghĩa phong trào từ tệp JSON (tệp lỗi bị từ chối toàn bộ)
cli-help-import-units = Nhập danh sách đơn vị, cụm, khối từ tệp CSV hoặc XLSX
cli-help-invite = Tạo mã mời (dùng một lần) cho một đơn vị và vai trò
cli-help-status = Xem tình hình đăng ký của phong trào, hoặc báo cáo một kỳ (--period)
cli-help-extend = Gia hạn đăng ký cho tất cả đơn vị hoặc một đơn vị (--until, --unit, --reason)
cli-help-reopen = Mở lại bản đăng ký đã duyệt của một đơn vị (--unit, --reason)
cli-help-backup = Sao lưu cơ sở dữ liệu ra tệp (kể cả khi bot đang chạy)
cli-option-import-movement-dry-run = Chỉ kiểm tra, không ghi gì
cli-option-import-units-movement = Mã phong trào có các cụm/khối (mặc định: phong trào đang mở)
cli-option-import-units-sheet = Tên trang tính cần đọc (mặc định: trang đầu tiên)
cli-option-import-units-dry-run = Chỉ cho xem sẽ thay đổi gì, không ghi
cli-option-invite-unit = Mã đơn vị, ví dụ SNV
cli-option-invite-role = liaison (mặc định), cluster_head, admin hoặc viewer
cli-option-invite-name = Họ tên người được mời (không bắt buộc)
cli-option-invite-phone = Số điện thoại của người được mời (hiện cho người đôn đốc đơn vị)
cli-option-invite-days = Số ngày mã còn hiệu lực (mặc định 14)
cli-option-status-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-option-status-period = Mã kỳ báo cáo, ví dụ H2020-1 (6 tháng đầu năm): xem tình hình báo cáo kỳ đó thay cho đăng ký
cli-option-extend-until = Ngày gia hạn đến, ví dụ 15/04/2020
cli-option-extend-period = Mã kỳ báo cáo (ví dụ H2020-1): gia hạn nộp báo cáo kỳ đó cho đơn vị --unit, thay cho đăng ký
cli-option-extend-unit = Mã đơn vị được gia hạn (không ghi: tất cả đơn vị)
cli-option-extend-reason = Lý do gia hạn (ghi vào nhật ký)
cli-option-extend-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-option-reopen-unit = Mã đơn vị có bản đăng ký cần mở lại
cli-option-reopen-reason = Lý do mở lại (đơn vị sẽ thấy)
cli-option-reopen-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-extend-usage = Cách dùng: thidua extend --until 15/04/2020 [--unit MÃ] [--period MÃ-KỲ --unit MÃ] [--reason "…"]
cli-reopen-usage = Cách dùng: thidua reopen --unit MÃ --reason "…"
cli-extended-period = Đã gia hạn nộp báo cáo { $period } cho { $unit } từ { $from } đến { $until }.
cli-extended = Đã gia hạn đăng ký { $all ->
    [yes] cho tất cả đơn vị
   *[no] cho { $unit }
  } từ { $from } đến { $until }.
cli-reopened = Đã mở lại bản đăng ký của { $unit } (lần { $version }).
cli-migrate-done = Cơ sở dữ liệu { $path } đã sẵn sàng ({ $count } bản nâng cấp đã áp dụng).
cli-file-unreadable = Không đọc được tệp { $path }.
cli-json-syntax = lỗi cú pháp JSON ở cột { $column } ({ $code })
cli-file-refused = Tệp { $path } bị từ chối, không có gì được ghi. { $count } lỗi:
cli-file-problem = {"  "}dòng { $line } [{ $field }]: { $message }
cli-import-valid = Tệp { $path } hợp lệ (chạy thử, chưa ghi gì).
cli-default-reminders = Đã tạo { $count } nhắc việc mặc định (xem: thidua reminders list; tạm dừng: thidua reminders pause).
cli-movement-imported = Đã nhập phong trào { $code } ({ $change ->
    [created] mới
    [updated] cập nhật
   *[unchanged] không thay đổi
  }): { $areas } nội dung, { $periods } kỳ báo cáo; đơn vị: { $unitsCreated } mới, { $unitsUpdated } cập nhật; cụm/khối: { $groupsCreated } mới, { $groupsUpdated } cập nhật; { $targets } chỉ tiêu mẫu.
cli-table-unsupported-format = Tệp { $path } không phải CSV hay XLSX (tệp .xls cũ: hãy mở bằng Excel và lưu lại dạng .xlsx).
cli-table-unreadable = Không đọc được tệp { $path } (tệp hỏng hoặc không tồn tại).
cli-table-no-header = Tệp { $path } không có dòng tiêu đề.
cli-table-duplicate-header = Tệp { $path } có cột tiêu đề bị trùng: { $detail }
cli-sheet-unknown = Không có trang tính "{ $sheet }". Các trang: { $sheets }
cli-plan-unit-create = + đơn vị mới { $code }: { $name }
cli-plan-unit-update = ~ { $code }: { $field } "{ $before }" → "{ $after }"
cli-plan-group-create = + cụm/khối mới { $code } ({ $name }): { $members }
cli-plan-group-update = ~ cụm/khối { $code } ({ $name }): { $members }
cli-units-dry-run = Chạy thử: { $created } đơn vị mới, { $updated } cập nhật, { $same } giữ nguyên, { $groups } cụm/khối thay đổi. Chưa ghi gì.
cli-units-imported = Đã nhập: { $created } đơn vị mới, { $updated } cập nhật, { $same } giữ nguyên, { $groups } cụm/khối thay đổi.
cli-bad-role = Vai trò "{ $role }" không hợp lệ. Chọn một trong: { $roles }
cli-bad-days = Số ngày "{ $value }" không hợp lệ (1 đến 365).
cli-invite-created = Mã mời: { $code }  ({ $role }, đơn vị { $unit }, hiệu lực đến { $expires }, dùng một lần)
cli-invite-link = Đường dẫn Telegram: { $link }
cli-invite-no-link = Chưa cấu hình bot Telegram: người được mời gửi "/start { "{" }mã{ "}" }" cho bot.
cli-invite-no-link-unreachable = Không hỏi được tên bot Telegram lúc này: người được mời gửi "/start { "{" }mã{ "}" }" cho bot.
cli-status-title = { $code } — { $name } (hạn đăng ký { $deadline })
cli-status-total = Toàn tỉnh
cli-status-by-group = Theo cụm, khối:
cli-status-by-kind = Theo loại đơn vị:
cli-status-no-group = (chưa thuộc cụm/khối)
cli-status-line = {"  "}{ $label }: { $units } đơn vị — chưa đăng ký { $none }, chưa gửi { $draft }, chờ duyệt { $submitted }, trả lại { $returned }, đã duyệt { $approved }; nộp muộn { $submittedLate }, quá hạn chưa nộp { $overdue }
cli-status-period-title = { $code } — báo cáo { $period } (hạn { $due }), tình hình ngày { $today }
cli-status-period-line = {"  "}{ $label }: { $units } đơn vị — đúng hạn { $onTime }, nộp muộn { $late }, quá hạn chưa nộp { $overdue }, chưa đến hạn { $notDue }
cli-status-period-named = { $state ->
    [late] Nộp muộn
   *[overdue] Quá hạn chưa nộp
  } ({ $count }): { $units }
cli-status-late = { $kind ->
    [overdue] Quá hạn chưa nộp
   *[submitted_late] Nộp muộn
  } ({ $count }): { $units }
cli-backup-done = Đã sao lưu vào { $path } ({ $size } KB), bản sao đã được kiểm tra toàn vẹn.
cli-backup-exists = Tệp { $file } đã có: không ghi đè. Chọn tên tệp khác, hoặc thêm --force để ghi đè bản sao lưu cũ này.
cli-backup-not-database = { $file } không phải cơ sở dữ liệu SQLite: không ghi đè. Chọn tên tệp khác.
cli-backup-not-a-file = { $file } là một thư mục, không phải tệp. Hãy ghi tên tệp, ví dụ { $file }/thidua-sao-luu.db
cli-backup-is-database = { $file } chính là cơ sở dữ liệu đang dùng ({ $path }): không thể sao lưu đè lên chính nó. Chọn tên tệp khác.
cli-backup-failed = Không sao lưu được vào { $file }: { $detail }
cli-option-backup-force = ghi đè tệp sao lưu đã có ở đường dẫn này
cli-help-restore = Khôi phục cơ sở dữ liệu từ một bản sao lưu (phải dừng bot trước; cơ sở dữ liệu cũ được giữ lại bên cạnh)
cli-restore-missing = Không có tệp { $file }.
cli-restore-unreadable = Tệp { $file } không phải cơ sở dữ liệu SQLite đọc được, không khôi phục. ({ $detail })
cli-restore-damaged = Tệp { $file } bị hỏng (không qua kiểm tra toàn vẹn), không khôi phục: { $detail }
cli-restore-foreign = Tệp { $file } không phải bản sao lưu của Trợ lý Thi đua, không khôi phục.
cli-restore-newer = Tệp { $file } do một phiên bản mới hơn của chương trình tạo ra, không khôi phục. Hãy nâng cấp chương trình trước.
cli-restore-schema = Tệp { $file } có các đối tượng (bảng, chỉ mục, trigger, view) khác với cơ sở dữ liệu của chương trình: { $detail }. Không khôi phục, không có gì thay đổi.
cli-restore-bot-running = Bot đang chạy trên { $path }: hãy dừng bot trước (ví dụ: systemctl stop thidua-bot) rồi khôi phục lại.
cli-restore-done = Đã khôi phục { $path } từ { $file }. Cơ sở dữ liệu cũ được giữ ở { $kept }.
cli-restore-done-new = Đã khôi phục { $path } từ { $file }.
cli-restore-migrated = Bản sao lưu cũ hơn chương trình: đã áp dụng thêm { $count } bản nâng cấp.
cli-restore-zalo-tokens-kept = Giữ lại mã truy cập Zalo mới hơn của cơ sở dữ liệu cũ (mã làm mới chỉ dùng được một lần).
cli-restore-failed = Khôi phục từ { $file } không thành công ({ $detail }); { $path } được giữ nguyên như trước.
cli-help-inbound = Tin nhắn đến bị lỗi khi xử lý: xem (--failed) hoặc xử lý lại (--retry)
cli-option-inbound-failed = Liệt kê các tin bị lỗi cùng lỗi của chúng (mặc định)
cli-option-inbound-retry = Xử lý lại các tin bị lỗi, mỗi tin một lần, theo thứ tự của từng người
cli-inbound-none = Không có tin nhắn đến nào bị lỗi.
cli-inbound-title = { $count } tin nhắn đến bị lỗi khi xử lý:
cli-inbound-line = {"  "}#{ $id } · { $at } · { $channel } · { $sender }: "{ $text }" — { $error }
cli-inbound-unreadable = (không đọc được nội dung)
cli-inbound-choice = chọn nút { $choice }
cli-inbound-file = (tệp đính kèm)
cli-inbound-retried = Đã xử lý lại { $handled } tin; { $failed } tin vẫn lỗi; { $waiting } tin chờ vì tin trước đó của cùng người còn lỗi.
cli-inbound-jobs = Đã làm { $count } việc còn dở (xuất tệp, tài liệu, đọc biểu mẫu gửi đến).
cli-inbound-replies-now = Câu trả lời đã được xếp vào hàng gửi; bot đang chạy sẽ gửi ngay.
cli-inbound-replies-at-start = Câu trả lời đã được xếp vào hàng gửi; bot sẽ gửi khi khởi động (npm start).
cli-help-doctor = Kiểm tra cấu hình và tình trạng của bot, nói rõ cần sửa gì
doctor-timezone-ok = Múi giờ { $tz }; bây giờ là { $now }.
doctor-timezone-other = Múi giờ đang đặt là { $tz } (bây giờ là { $now }): hạn chót, giờ yên lặng và ngày tháng sẽ tính theo múi giờ này. Các tỉnh ở Việt Nam dùng TZ=Asia/Ho_Chi_Minh.
doctor-database-ok = Cơ sở dữ liệu { $path } đọc ghi được ({ $migrations } bản nâng cấp đã áp dụng).
doctor-database-damaged = Cơ sở dữ liệu { $path } bị hỏng ({ $detail }). Dừng bot và khôi phục bản sao lưu gần nhất: npx thidua restore <tệp>
doctor-disk-ok = Ổ đĩa còn { $free } MB trống.
doctor-bot-running = Bot đang chạy trên cơ sở dữ liệu này.
doctor-bot-stopped = Bot không chạy trên cơ sở dữ liệu này (khởi động: npm start, hoặc systemctl start thidua-bot).
doctor-files-private = Cơ sở dữ liệu, bản sao lưu, tệp nhận và tệp xuất chỉ người dùng chạy bot đọc được (tệp 600, thư mục 700).
doctor-files-open = { $count } tệp/thư mục riêng tư đang để người khác trên máy đọc được: { $paths }. Khởi động lại bot để bot tự siết quyền, hoặc: chmod -R go-rwx <thư mục dữ liệu>
doctor-inbound-failed = { $failed } tin nhắn đến bị lỗi trước đây vẫn chờ xử lý lại. Xem: npx thidua inbound --failed; khi đã sửa nguyên nhân: npx thidua inbound --retry
doctor-telegram-off = Telegram: chưa cấu hình (TELEGRAM_BOT_TOKEN trống).
doctor-telegram-ok = Telegram: mã bot hợp lệ (@{ $username }).
doctor-telegram-token-refused = Telegram từ chối mã bot ({ $error }): mã đã bị thu hồi hoặc gõ sai. Lấy mã mới từ @BotFather, đặt vào TELEGRAM_BOT_TOKEN rồi khởi động lại bot.
doctor-telegram-unreachable = Không gọi được Telegram tại { $root } ({ $error }). Kiểm tra kết nối Internet, tường lửa, và TELEGRAM_API_ROOT.
doctor-telegram-polling = Telegram: bot nhận tin bằng long polling (không cần webhook).
doctor-telegram-webhook-ok = Telegram: webhook đã đăng ký tại { $url }.
doctor-telegram-webhook-missing = Telegram: webhook chưa đăng ký tại { $url } (Telegram đang ghi: { $actual }). Khởi động lại bot để bot tự đăng ký, và kiểm tra địa chỉ này truy cập được từ Internet qua HTTPS.
doctor-telegram-webhook-error = Telegram không gửi được tin tới { $url }: "{ $error }" ({ $pending } tin đang chờ). Kiểm tra proxy HTTPS và cổng HTTP_PORT của bot.
doctor-zalo-off = Zalo OA: chưa cấu hình (ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY).
doctor-zalo-no-tokens = Zalo OA: chưa có mã truy cập. Lấy cặp mã ở trang Zalo for Developers rồi chạy: npx thidua zalo-tokens --access … --refresh …
doctor-zalo-ok = Zalo OA: mã truy cập hợp lệ (OA "{ $name }", hết hạn lúc { $at }, bot tự làm mới). Webhook của OA phải trỏ tới https://<máy chủ>/zalo/webhook.
doctor-zalo-token-expired = Zalo OA: mã truy cập đã hết hạn lúc { $at }; bot đang chạy sẽ tự làm mới ở lần gọi tới. Nếu bot đã chạy mà vẫn thế, hãy lấy cặp mã mới: npx thidua zalo-tokens --access … --refresh …
doctor-zalo-token-refused = Zalo từ chối mã truy cập ({ $error }). Lấy cặp mã mới ở trang Zalo for Developers rồi chạy: npx thidua zalo-tokens --access … --refresh …
doctor-zalo-unreachable = Không gọi được Zalo tại { $base } ({ $error }). Kiểm tra kết nối Internet và tường lửa.
doctor-backup-ok = Bản sao lưu mới nhất: { $path } (lúc { $at }); giữ { $keep } bản gần nhất.
doctor-backup-none = Chưa có bản sao lưu nào trong { $dir }. Bot đang chạy sẽ tự sao lưu hằng ngày; sao lưu ngay: npx thidua backup
doctor-backup-old = Bản sao lưu mới nhất đã cũ (lúc { $at }: { $path }). Kiểm tra bot có đang chạy và BACKUP_AT, BACKUP_DIR.
doctor-backup-off = Sao lưu tự động đang tắt (BACKUP_AT=off). Hãy đặt giờ sao lưu, ví dụ BACKUP_AT=02:30.
doctor-summary-ok = Mọi thứ đều ổn.
doctor-summary-warn = Không có lỗi; { $count } điều nên xem lại (dấu !).
doctor-summary-fail = Có { $count } việc cần sửa (dấu ✗).

## Hội thoại: chung

conv-step = Bước { $index }/{ $total }.
conv-step-open = Bước { $index }.
conv-stale-button = Nút này thuộc câu hỏi cũ nên không dùng được nữa. Mời trả lời câu hỏi hiện tại:
conv-unreadable-message = Bot chỉ đọc được tin nhắn chữ, nút bấm, ảnh và tệp (PDF, Word, Excel). Mời anh/chị gõ câu trả lời.
conv-unreadable-unlinked = Bot chỉ đọc được tin nhắn chữ, nút bấm, ảnh và tệp. Để dùng Trợ lý Thi đua, xin gửi mã mời do Ban Thi đua - Khen thưởng cấp (dạng ABCDE-1234567); chưa có mã, xin liên hệ Ban.
conv-flow-changed = Hội thoại trước đó đã được cập nhật nên phải bắt đầu lại; những gì đã lưu trước đó vẫn còn nguyên.
conv-expired = Hội thoại trước đã quá lâu không tiếp tục nên đã đóng lại; những gì đã lưu vẫn còn nguyên.
conv-nothing-to-cancel = Hiện không có việc gì đang làm dở. Gõ /menu để xem các việc có thể làm.
conv-cancelled = Đã dừng. Những gì đã lưu trước đó vẫn còn nguyên. Gõ /menu để chọn việc khác.
conv-back-at-start = Đây đã là bước đầu tiên.
conv-file-not-expected = Ở bước này không cần gửi tệp hay ảnh. Mời trả lời câu hỏi:
conv-unknown-command = Không có lệnh "{ $command }". Gõ /help để xem các lệnh.
conv-help-liaison = Các lệnh:
conv-help-answering = Khi đang làm dở: { $commands }.
# /help lists the commands of a person's role (chat/commands.ts), each with its line here; $role picks the words where roles see different things.
help-cmd-status = { $role ->
    [admin] tình hình phong trào, xem theo cụm, khối, đơn vị
    [cluster_head] tình hình các đơn vị trong cụm, khối
   *[other] tình hình phong trào (chỉ xem)
  }
help-cmd-review = duyệt hoặc trả lại bản đăng ký đang chờ
help-cmd-late = { $role ->
    [admin] đơn vị chưa gửi bản đăng ký, đôn đốc tất cả hoặc từng đơn vị
   *[other] đơn vị chưa gửi bản đăng ký, đôn đốc
  }
help-cmd-broadcast = gửi thông báo đến các đơn vị, xem kết quả gửi
help-cmd-invite = tạo mã mời cho cán bộ của một đơn vị
help-cmd-register = đăng ký chỉ tiêu thi đua của đơn vị
help-cmd-report = báo cáo kết quả thực hiện theo kỳ
help-cmd-myunit = { $role ->
    [liaison] xem tình hình của đơn vị
   *[other] đơn vị của anh/chị
  }
help-cmd-regform = tải bản đăng ký (Word) để trình thủ trưởng ký
help-cmd-signer = chức vụ, họ tên người ký bản đăng ký
help-cmd-export = { $role ->
    [admin] xuất số liệu ra Excel (XLSX), CSV, hoặc văn bản Word: báo cáo gửi UBND tỉnh, bản đăng ký của đơn vị
    [cluster_head] xuất số liệu của cụm, khối
   *[other] xuất số liệu ra Excel, hoặc báo cáo dạng văn bản Word
  }
help-cmd-menu = các việc có thể làm
help-cmd-lang = { $role ->
    [liaison] đổi ngôn ngữ (Tiếng Việt / English)
   *[other] đổi ngôn ngữ
  }
help-cmd-nozns = thôi nhận tin nhắc ZNS của Zalo theo số điện thoại
help-cmd-back = quay lại bước trước
help-cmd-cancel = dừng lại
help-cmd-help = hướng dẫn bước hiện tại
conv-help-unlinked = Để dùng trợ lý, hãy gửi mã mời do Ban Thi đua - Khen thưởng cấp cho đơn vị, ví dụ: /start ABCDE-1234567
conv-help-commands = (/quaylai: bước trước · /huy: dừng lại)
choice-expected = Mời chọn một trong các lựa chọn bên dưới (bấm nút, hoặc gõ số thứ tự hay tên lựa chọn).
choice-skip = Bỏ qua
choice-no = Không
choice-yes-delete = Có, xóa
who-is = { $name } — { $role }{ $hasUnit ->
    [yes] , { $unit }
   *[no] {""}
  }
menu-prompt = Anh/chị muốn làm gì?
menu-register = Đăng ký chỉ tiêu
menu-report = Báo cáo kết quả
menu-myunit = Đơn vị của tôi
menu-lang = Ngôn ngữ / Language
menu-pick-help = Chọn việc cần làm. Có thể gõ số thứ tự, ví dụ 1.
menu-offered-help = Chọn việc cần làm tiếp theo. Có thể gõ số thứ tự, ví dụ 1.
err-no-movement-chat = Hiện chưa có phong trào thi đua nào đang mở. Xin liên hệ Ban Thi đua - Khen thưởng.
number-invalid = Chưa đọc được số này. Gõ số như thường viết, ví dụ 25, 1.234,5 hoặc 98,5%.
number-ambiguous = "{ $first }" có thể hiểu là { $first } ({ $words }) hoặc { $second } (số thập phân). Anh/chị muốn ghi số nào?
number-help = Gõ một con số: dấu chấm ngăn cách hàng nghìn, dấu phẩy cho phần thập phân (1.234,5). Có thể thêm % (98,5%).
number-other-unit = Chỉ tiêu này tính bằng { $measure }, còn "{ $unit }" là đơn vị khác. Xin gõ số theo { $measure }, ví dụ 25 hoặc 25 { $measure }.
number-converted = (quy đổi từ { $typed })
date-invalid = Chưa đọc được ngày này. Gõ theo dạng ngày/tháng/năm, ví dụ 31/3, 31/03/2020 hoặc "ngày 31 tháng 3".
text-blank = Tin nhắn không có chữ nào đọc được (chỉ có khoảng trắng hoặc ký tự ẩn). Xin gõ lại nội dung.
date-help = Gõ ngày theo dạng ngày/tháng/năm: 31/12, 31/12/2020 hoặc "ngày 31 tháng 12". Không ghi năm thì hiểu là năm của phong trào.
note-expected = Mời gõ ghi chú, hoặc chọn Bỏ qua nếu không có.

## Hội thoại: liên kết tài khoản

link-welcome = Chào mừng anh/chị đến với Trợ lý Thi đua của Ban Thi đua - Khen thưởng tỉnh.
link-code-prompt = Mời gửi mã mời mà Ban Thi đua - Khen thưởng đã cấp (dạng ABCDE-1234567).
link-code-help = Mã mời gồm 12 ký tự, do Ban Thi đua - Khen thưởng cấp cho từng người. Chưa có mã, xin liên hệ Ban.
link-code-expected = Mời gõ mã mời dạng chữ và số.
link-not-a-code = Mã mời gồm 12 ký tự chữ và số, ví dụ ABCDE-1234567. Chưa có mã, xin liên hệ Ban Thi đua - Khen thưởng.
link-greeting = Xin chào anh/chị. Để dùng Trợ lý Thi đua, mỗi cán bộ cần một mã mời do Ban Thi đua - Khen thưởng cấp (dạng ABCDE-1234567). Có mã rồi thì gửi mã vào đây; chưa có, xin liên hệ Ban.
link-done = Đã liên kết tài khoản. Xin chào { $name } — { $role }{ $hasUnit ->
    [yes] , { $unit }
   *[no] {""}
  }.
link-already = Xin chào { $name }{ $hasUnit ->
    [yes] {" "}({ $unit })
   *[no] {""}
  }. Tài khoản này đã được liên kết.
link-malformed = Mã này không đúng dạng (12 ký tự chữ và số, ví dụ ABCDE-1234567). Còn { $left } lần thử.
link-unknown = Mã này không đúng hoặc không có. Xin kiểm tra lại từng ký tự. Còn { $left } lần thử.
link-used = Mã này đã được dùng. Mỗi mã chỉ dùng một lần; xin Ban cấp mã mới. Còn { $left } lần thử.
link-expired = Mã này đã hết hạn; xin Ban cấp mã mới. Còn { $left } lần thử.
link-code-locked = Mã này đã bị khóa vì nhập sai nhiều lần; xin Ban cấp mã mới. Còn { $left } lần thử.
link-locked = Đã nhập sai mã quá nhiều lần. Xin thử lại sau { $minutes } phút, hoặc liên hệ Ban Thi đua - Khen thưởng.

## Hội thoại: ngôn ngữ

lang-prompt = Chọn ngôn ngữ / Choose a language:
lang-set = Từ nay trợ lý sẽ trả lời bằng tiếng Việt.
language-pick-help = Chọn Tiếng Việt hoặc English.

## Hội thoại: đăng ký chỉ tiêu

reg-not-allowed = Chỉ cán bộ đầu mối của đơn vị mới đăng ký và báo cáo được.
reg-intro = Bắt đầu đăng ký chỉ tiêu thi đua của { $unit }. Mỗi chỉ tiêu gồm vài câu hỏi ngắn.
reg-header = Đăng ký thi đua — { $unit }
  { $movement } · Trạng thái: { registration-status } · Hạn đăng ký: { $deadline }
reg-returned-reason = ⚠ Ban đã trả lại bản đăng ký. Lý do: { $reason }
reg-titles-line = Danh hiệu đăng ký: { $titles }
reg-menu-prompt = Anh/chị muốn làm gì tiếp?
reg-menu-add = Thêm chỉ tiêu
reg-menu-edit = Sửa chỉ tiêu
reg-menu-delete = Xóa chỉ tiêu
reg-menu-titles = Danh hiệu đăng ký
reg-menu-submit = Gửi bản đăng ký
reg-menu-later = Để sau (đã lưu)
register-menu-help = Thêm đủ các chỉ tiêu, chọn danh hiệu rồi bấm "Gửi bản đăng ký". Mọi thay đổi được lưu ngay.
reg-saved-for-later = Đã lưu. Khi nào tiếp tục, gõ /dangky.
reg-locked = Bản đăng ký đang ở trạng thái "{ registration-status }" nên chưa sửa được. Nếu cần điều chỉnh, đề nghị liên hệ Ban để mở lại.
reg-area-prompt = Chỉ tiêu này thuộc nội dung thi đua nào?
reg-area-expected = Mời chọn một nội dung trong danh sách (gõ số thứ tự hoặc vài chữ của tên nội dung).
register-area-help = Chín nội dung chủ yếu của phong trào theo văn bản phát động. Chọn nội dung gần nhất với chỉ tiêu.
reg-text-prompt = Nội dung chỉ tiêu là gì? (ví dụ: Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao)
register-text-help = Viết ngắn gọn chỉ tiêu như trong bản đăng ký giấy.
reg-text-too-short = Nội dung quá ngắn, cần ít nhất { $min } ký tự.
reg-text-too-long = Nội dung dài { $length } ký tự; tối đa { $max } ký tự.
reg-kind-prompt = Chỉ tiêu định lượng (có con số kế hoạch) hay định tính?
register-kind-help = Định lượng: có số kế hoạch (25%, 100 sản phẩm…). Định tính: hoàn thành hay không (ví dụ: đưa cầu vào sử dụng).
target-kind-quantitative = Định lượng
target-kind-qualitative = Định tính
reg-measure-prompt = Đơn vị tính là gì? Chọn bên dưới hoặc gõ đơn vị khác.
register-measure-help = Đơn vị tính của con số kế hoạch: %, sản phẩm, xã, công trình, tỷ đồng, người…
reg-measure-invalid = Mời chọn hoặc gõ đơn vị tính (tối đa 30 ký tự), ví dụ: %, sản phẩm, tỷ đồng.
reg-planned-prompt = Kế hoạch (con số phấn đấu) là bao nhiêu { $measure }?
reg-planned-negative = Con số không được âm.
reg-read-as = ✔ Đã ghi: { $amount }
reg-direction-prompt = Chỉ tiêu đạt khi kết quả…
register-direction-help = "Không thấp hơn": càng cao càng tốt (tỷ lệ, số sản phẩm). "Không vượt quá": càng thấp càng tốt (số vụ tai nạn…).
direction-at_least = Không thấp hơn kế hoạch
direction-at_most = Không vượt quá kế hoạch
reg-due-prompt = Thời hạn hoàn thành? Gõ ngày (ví dụ 30/9) hoặc chọn:
reg-due-end = Cuối phong trào ({ $date })
reg-due-outside = Thời hạn phải nằm trong thời gian của phong trào, từ { $start } đến ngày tổng kết { $end }.
reg-due-past = Ngày { $date } đã qua. Vẫn ghi thời hạn này, hay chọn ngày khác?
reg-due-keep = Vẫn ghi { $date }
reg-due-retype = Nhập ngày khác
reg-due-after-end = ⚠ Thời hạn này sau khi phong trào kết thúc ({ $end }); kết quả sẽ được đánh giá khi tổng kết (chậm nhất { $review }).
reg-date-read-as = ✔ Đã ghi ngày: { $date }
reg-note-prompt = Ghi chú thêm (nếu có):
register-note-help = Ghi chú sẽ hiện ở cột "Ghi chú" của bản đăng ký. Không có thì chọn Bỏ qua.
reg-keep = Giữ nguyên: { $value }
reg-target-summary = Chỉ tiêu:
  • Nội dung thi đua: { $area }
  • Chỉ tiêu: { $text }
  • Loại: { $kind }
  • Kế hoạch: { $plan }
  • Thời hạn: { $due }
  • Ghi chú: { $note }
reg-confirm-prompt = Lưu chỉ tiêu này?
register-confirm-help = Chọn "Lưu" để ghi vào bản đăng ký, "Làm lại" để trả lời lại từ đầu, hoặc dùng /quaylai để sửa câu trước.
reg-confirm-save = Lưu
reg-confirm-redo = Làm lại
reg-confirm-drop = Bỏ chỉ tiêu này
reg-target-saved = ✔ Đã lưu chỉ tiêu.
reg-target-dropped = Đã bỏ, không lưu chỉ tiêu đó.
reg-pick-edit = Sửa chỉ tiêu nào?
register-pick_edit-help = Chọn chỉ tiêu cần sửa; ở mỗi câu hỏi có thể chọn "Giữ nguyên".
reg-pick-delete = Xóa chỉ tiêu nào?
register-pick_delete-help = Chọn chỉ tiêu cần xóa; sẽ hỏi lại trước khi xóa.
reg-confirm-delete = Xóa chỉ tiêu "{ $text }"?
register-confirm_delete-help = Chọn "Có, xóa" để xóa hoặc "Không" để giữ lại.
reg-target-deleted = Đã xóa chỉ tiêu.
reg-titles-prompt = Đơn vị đăng ký danh hiệu nào? Bấm để chọn hoặc bỏ chọn, xong thì bấm "Xong". Tập thể lao động tiên tiến và Tập thể lao động xuất sắc chỉ chọn một; Giấy khen do Thủ trưởng đơn vị tặng nên không đăng ký với tỉnh.
reg-title-history = • { $title }: đơn vị đã đăng ký các năm { $years }{ $consecutive ->
    [0] {""}
   *[other] {" "}({ $consecutive } năm liên tục đến năm trước)
  }.
register-titles-help = Có thể chọn nhiều danh hiệu. Bấm lại một danh hiệu để bỏ chọn.
reg-titles-done = Xong
reg-titles-ask = Bản đăng ký chưa có danh hiệu thi đua nào. Đơn vị đăng ký danh hiệu nào? Chọn một danh hiệu (có thể chọn thêm ở bước sau), hoặc chọn "Không đăng ký danh hiệu".
reg-titles-none = Không đăng ký danh hiệu
register-titles_ask-help = Ban cần biết đơn vị có đăng ký danh hiệu hay không. Chọn danh hiệu, hoặc "Không đăng ký danh hiệu" để gửi bản đăng ký chỉ có chỉ tiêu.
reg-titles-saved = ✔ Đã lưu danh hiệu đăng ký.
reg-submit-prompt = Gửi bản đăng ký này cho Ban Thi đua - Khen thưởng?
register-submit-help = Sau khi gửi, bản đăng ký chờ Ban duyệt và không sửa được, trừ khi Ban trả lại hoặc mở lại.
register-submit_note-help = Ghi ngắn điều đơn vị muốn Ban biết khi xem bản đăng ký, hoặc chọn Bỏ qua.
register-locked-help = Bản đăng ký đã duyệt. Nếu cần điều chỉnh, chọn "Đề nghị Ban mở lại" và ghi nội dung cần sửa.
register-reopen_reason-help = Ghi cụ thể chỉ tiêu hoặc danh hiệu cần điều chỉnh và lý do.
reg-submit-send = Gửi
reg-submit-with-note = Gửi kèm ghi chú cho Ban
reg-submit-note-prompt = Ghi chú gửi Ban cùng bản đăng ký (ví dụ: đã bổ sung chỉ tiêu theo ý kiến của Ban):
reg-ask-reopen = 🔓 Đề nghị Ban mở lại để điều chỉnh
reg-reopen-reason-prompt = Đơn vị cần điều chỉnh nội dung gì? (Ban sẽ nhận được đề nghị này)
reg-reopen-requested = ✔ Đã gửi đề nghị mở lại bản đăng ký tới Ban. Khi Ban mở lại, đơn vị sẽ được báo.
reg-reopen-request-notice = 🔓 { $unit } đề nghị mở lại bản đăng ký thi đua đã duyệt để điều chỉnh. Nội dung: { $reason }
  Xem đơn vị bằng /tinhhinh để mở lại.
reg-submit-not-yet = Chưa gửi
reg-submitted = ✔ Đã gửi bản đăng ký (lần { $version }). Trạng thái: Chờ duyệt.{ $late ->
    [yes] {" "}Bản đăng ký được ghi nhận là nộp muộn (hạn { $deadline }).
   *[no] {""}
  } Ban Thi đua - Khen thưởng sẽ báo kết quả duyệt.
reg-admin-notice = 📥 { $unit } vừa gửi bản đăng ký thi đua (lần { $version }, { $count } chỉ tiêu){ $late ->
    [yes] , nộp muộn
   *[no] {""}
  }. Trạng thái: Chờ duyệt.{ $hasNote ->
    [yes] {" "}Ghi chú: { $note }
   *[no] {""}
  }

title-tap-the-lao-dong-tien-tien = Tập thể lao động tiên tiến
title-tap-the-lao-dong-xuat-sac = Tập thể lao động xuất sắc
title-giay-khen = Giấy khen
title-bang-khen-ubnd-tinh = Bằng khen của Chủ tịch UBND tỉnh
title-co-thi-dua-ubnd-tinh = Cờ thi đua của UBND tỉnh
title-bang-khen-thu-tuong = Bằng khen của Thủ tướng Chính phủ
title-co-thi-dua-chinh-phu = Cờ thi đua của Chính phủ

target-qualitative = Hoàn thành
target-plan = { $direction ->
    [at_most] ≤
   *[at_least] ≥
  } { $amount }
target-line = { $index }. (Nội dung { $area }) { $text } — KH: { $plan }; hạn { $due }{ $hasNote ->
    [yes] ; { $note }
   *[no] {""}
  }
target-list-empty = (Chưa có chỉ tiêu nào.)

## Hội thoại: báo cáo kết quả

period-quarter = Quý { $roman }/{ $year }
period-half = { $half ->
    [first] 6 tháng đầu năm { $year }
   *[second] 6 tháng cuối năm { $year }
  }
period-year = năm { $year }
period-month = tháng { $month }/{ $year }
rep-register-first = Đơn vị cần gửi bản đăng ký chỉ tiêu trước khi báo cáo kết quả.
rep-period-prompt = Báo cáo kết quả cho kỳ nào?
report-period-help = Chọn kỳ báo cáo. Mỗi kỳ có hạn nộp ghi bên cạnh.
rep-period-choice = { $label } (hạn { $due })
rep-period-choice-past = { $label } (hạn { $due }, đã qua)
rep-correction = Kỳ này đã có { $count } báo cáo (lần gần nhất { $when }). Báo cáo mới sẽ là bản điều chỉnh; các bản trước vẫn được lưu.
rep-target-heading = Chỉ tiêu { $index }/{ $total }: { $text } (kế hoạch: { $plan })
rep-value-prompt = { $kind ->
    [rate] Tỷ lệ đạt được đến cuối kỳ là bao nhiêu { $measure }?
    [year] Kết quả cả năm là bao nhiêu { $measure }?
   *[other] Kết quả là bao nhiêu { $measure }?
  } Chưa có số liệu thì chọn Bỏ qua.
rep-value-thousandfold = ⚠ { $amount } { $above ->
    [yes] gấp khoảng { $factor } lần
   *[no] chỉ bằng khoảng 1/{ $factor }
  } kế hoạch ({ $plan }); có thể nhầm đơn vị tính (đồng, triệu đồng, tỷ đồng). Giữ con số này hay nhập lại?
rep-value-keep = Giữ { $amount }
rep-value-retype = Nhập lại
report-value-help = Gõ con số kết quả. Bước sau sẽ hỏi đó là số riêng của kỳ này hay tổng lũy kế.
rep-qualitative-prompt = Chỉ tiêu này đã thực hiện đến đâu?
rep-skipped = Đã bỏ qua chỉ tiêu này.
rep-cumulative-prompt = Con số vừa nhập là:
report-cumulative-help = "Lũy kế" là tổng từ đầu năm đến nay; "riêng kỳ này" thì trợ lý sẽ cộng với các kỳ trước.
rep-cumulative-period = Riêng kỳ này
rep-cumulative-total = Lũy kế từ đầu năm
rep-evidence-prompt = Gửi minh chứng: ảnh, tệp văn bản hoặc đường link (https://…).
rep-evidence-none = Không có minh chứng
report-evidence-help = Có thể chụp ảnh, gửi tệp PDF/Word, hoặc dán đường link tới văn bản.
rep-evidence-expected = Mời gửi ảnh, tệp, hoặc một đường link bắt đầu bằng https://
rep-evidence-too-big = Tệp quá lớn (tối đa { $max } MB). Xin gửi tệp nhỏ hơn hoặc một đường link.
rep-evidence-received = ✔ Đã nhận minh chứng.
rep-note-prompt = Ghi chú cho chỉ tiêu này:
rep-note-none = Không ghi chú
report-note-help = Ghi chú ngắn về kết quả; không có thì chọn "Không ghi chú".
rep-extra-heading = Chỉ tiêu { $index }: { $text }
rep-extra-pick = Thêm minh chứng hoặc ghi chú cho chỉ tiêu nào?
report-extra_pick-help = Chọn chỉ tiêu cần gửi kèm minh chứng (ảnh, tệp, đường link) hoặc ghi chú; xong sẽ quay về bản tổng hợp.
rep-extra-back = Về bản tổng hợp
rep-summary-title = Tổng hợp báo cáo { $period }:
rep-confirm-prompt = Gửi báo cáo này?
report-confirm-help = Chọn "Gửi báo cáo" để lưu, "Thêm minh chứng / ghi chú" để gửi kèm cho một chỉ tiêu, hoặc "Nhập lại" để trả lời lại từ chỉ tiêu đầu tiên. Muốn sửa một số, gõ dòng mới, ví dụ "2: 4".
rep-confirm-send = Gửi báo cáo
rep-confirm-extra = Thêm minh chứng / ghi chú
rep-confirm-redo = Nhập lại
rep-nothing-reported = Chưa có chỉ tiêu nào có kết quả; không có gì để gửi. Chọn "Nhập lại" hoặc /huy.
rep-saved = ✔ Đã gửi báo cáo { $period } tới Ban ({ $count } chỉ tiêu{ $revision ->
    [1] {""}
   *[other] , bản điều chỉnh lần { $revision }
  }).
result-line = { $amount } ({ result-share }, { $assessment })
result-line-in-progress = { $amount } ({ result-share }; đang thực hiện, đã qua { $time } thời gian)
result-share = { $ceiling ->
    [yes] bằng { $percent } mức kế hoạch
   *[no] đạt { $percent } kế hoạch
  }
result-none = chưa có kết quả
result-amount-added = { $total } = { $value } trong kỳ + { $earlier } các kỳ trước
assessment = { $assessment ->
    [exceeded] vượt
    [met] đạt
    [in_progress] đang thực hiện
    [not_started] chưa thực hiện
   *[not_met] không đạt
  }
qualitative-state = { $state ->
    [not_started] Chưa thực hiện
    [in_progress] Đang thực hiện
    [met] Hoàn thành
    [exceeded] Hoàn thành xuất sắc
   *[not_met] Không hoàn thành
  }

## Hội thoại: đơn vị của tôi

myunit-no-unit = Tài khoản của anh/chị không gắn với đơn vị nào.
myunit-title = { $unit } · { $group }
  { $movement }
myunit-status = Đăng ký: { registration-status }{ $version ->
    [0] {""}
   *[other] {" "}(lần { $version }, gửi ngày { $submitted })
  }{ $late ->
    [yes] {" "}— nộp muộn
   *[no] {""}
  } · Hạn đăng ký: { $deadline }
myunit-progress = Kết quả mới nhất:

## Hội thoại: quản trị, lãnh đạo, cụm trưởng

conv-help-admin = Các lệnh của Ban Thi đua - Khen thưởng:
conv-help-cluster_head = Các lệnh của cụm, khối trưởng:
conv-help-viewer = Các lệnh:
menu-status = Tình hình phong trào
menu-review = Duyệt đăng ký
menu-late = Đôn đốc đơn vị chưa gửi
menu-invite = Tạo mã mời
scope-refused = Anh/chị không có quyền xem đơn vị này.
scope-admin-only = Việc này chỉ dành cho cán bộ Ban Thi đua - Khen thưởng.
scope-urge-only = Việc này dành cho Ban Thi đua - Khen thưởng và cụm, khối trưởng.
st-title = { $movement } · Hạn đăng ký { $deadline }{ $passed ->
    [yes] {" "}(đã qua)
   *[no] {""}
  }
st-total = Tổng số
st-by-group = Theo cụm, khối:
st-by-kind = Theo loại đơn vị:
st-counts = { $label }: { $units } đơn vị — ✅ { $approved } đã duyệt, 🕓 { $submitted } chờ duyệt, ↩️ { $returned } trả lại, ✏️ { $draft } chưa gửi, ⚪ { $none } chưa đăng ký; ⏰ { $submittedLate } nộp muộn, ⛔ { $overdue } quá hạn chưa nộp
st-progress = {"   "}Chỉ tiêu: { $exceeded } vượt, { $met } đạt, { $inProgress } đang thực hiện, { $notMet } không đạt, { $notReported } chưa báo cáo
lateness = { $kind ->
    [overdue] quá hạn chưa nộp
   *[submitted_late] nộp muộn
  }
st-pick = Chọn một cụm, khối để xem từng đơn vị, hoặc tìm một đơn vị.
st-search = Tìm đơn vị
st-search-prompt = Gõ mã hoặc tên đơn vị (không cần dấu), ví dụ: SNV hoặc hai hau.
st-not-found = Không tìm thấy đơn vị nào ứng với "{ $query }".
st-matches = Có nhiều đơn vị trùng. Chọn một:
st-page = Trang { $page }/{ $pages }
st-prev = ◀ Trang trước
st-next = Trang sau ▶
st-back = ⬅ Quay lại
st-extend-all = ⏳ Gia hạn đăng ký cho tất cả
st-extend-unit = ⏳ Gia hạn đăng ký cho đơn vị này
st-reopen = 🔓 Mở lại bản đăng ký
st-extend-prompt = Gia hạn đăng ký { $all ->
    [yes] cho tất cả đơn vị
   *[no] cho đơn vị này
  } đến ngày nào? Hạn hiện tại: { $deadline }. Gõ ngày, ví dụ 15/4.
st-extended = ✔ Đã gia hạn đăng ký { $all ->
    [yes] cho tất cả đơn vị
   *[no] cho đơn vị
  } đến { $deadline }. Lời nhắc tính theo hạn mới; cán bộ đầu mối đã được báo.
stp-extend-unit = ⏳ Gia hạn báo cáo kỳ này cho đơn vị
stp-extend-prompt = Gia hạn nộp báo cáo { $period } cho đơn vị này đến ngày nào? Hạn hiện tại: { $deadline }. Gõ ngày, ví dụ 20/7.
stp-extended = ✔ Đã gia hạn nộp báo cáo { $period } cho đơn vị đến { $deadline }; cán bộ đầu mối đã được báo.
stp-extended-notice = ⏳ Ban Thi đua - Khen thưởng đã gia hạn nộp báo cáo { $period } của đơn vị đến { $deadline }.
st-extended-notice = ⏳ Ban Thi đua - Khen thưởng đã gia hạn nộp bản đăng ký thi đua của đơn vị đến { $deadline }.
st-reopen-prompt = Lý do mở lại bản đăng ký (đơn vị sẽ nhận được)?
st-reopened = ✔ Đã mở lại bản đăng ký; đơn vị đã được báo.
st-reopened-notice = 🔓 Ban Thi đua - Khen thưởng đã mở lại bản đăng ký thi đua của đơn vị (lần { $version }) để điều chỉnh. Lý do: { $reason }
  Mời sửa và gửi lại.
st-view-registration = 📋 Đăng ký
st-view-period = 📅 { $period }
stp-title = 📅 Báo cáo { $period } · hạn { $due }{ $passed ->
    [yes] {" "}(đã qua)
   *[no] {""}
  } · tình hình ngày { $today }
stp-counts = { $label }: { $units } đơn vị — ✅ { $onTime } đúng hạn, ⏰ { $late } nộp muộn, ⛔ { $overdue } quá hạn chưa nộp, ⏳ { $notDue } chưa đến hạn
stp-named = { $state ->
    [late] ⏰ Nộp muộn
   *[overdue] ⛔ Quá hạn chưa nộp
  } ({ $count }): { $units }
stp-named-day = { $unit } ({ $day })
stp-more = {" "}và { $count } đơn vị khác
stp-nobody = Chưa có đơn vị nào phải báo cáo kỳ này: chưa đơn vị nào gửi bản đăng ký có chỉ tiêu.
stp-by-area = Chỉ tiêu theo nội dung thi đua (kết quả kỳ này):
stp-area = {"  "}{ $number }. { $area }: { $exceeded } vượt, { $met } đạt, { $inProgress } đang thực hiện, { $notMet } không đạt, { $notReported } chưa báo cáo
stp-state = { $state ->
    [on_time] đã gửi đúng hạn ngày { $day }
    [late] nộp muộn ngày { $day }
    [overdue] quá hạn chưa nộp
   *[not_due] chưa gửi, chưa đến hạn
  }
stp-unit-title = { $unit } — báo cáo { $period } (hạn { $due })
stp-unit-not-in-period = Đơn vị này không phải báo cáo { $period }: chưa gửi bản đăng ký có chỉ tiêu.
stp-target = {"  "}{ $number }. { $text }: { $outcome ->
    [exceeded] vượt
    [met] đạt
    [inProgress] đang thực hiện
    [notMet] không đạt
   *[notReported] chưa báo cáo
  }
status-browse-help = Chọn cụm, khối hoặc đơn vị để xem chi tiết; gõ mã hay tên đơn vị để tìm nhanh.
status-search-help = Gõ mã đơn vị (SNV) hoặc vài chữ trong tên (noi vu).
status-matches-help = Chọn một đơn vị trong danh sách.
status-unit-help = Chọn "Quay lại" để về danh sách.
status-reopen-help = Ghi lý do cụ thể; đơn vị nhận được lý do cùng thông báo mở lại.
status-extend-help = Gõ ngày gia hạn theo dạng ngày/tháng, ví dụ 15/4; ngày phải sau hạn hiện tại.
rev-none = Không có bản đăng ký nào đang chờ duyệt.
rev-list = Có { $count } bản đăng ký chờ duyệt (trang { $page }/{ $pages }). Chọn một bản để xem:
rev-version = lần { $version }
rev-detail = Bản đăng ký của { $unit } — lần { $version }, gửi ngày { $submitted }{ $late ->
    [yes] , nộp muộn
   *[no] {""}
  }
rev-changes-title = Thay đổi so với lần { $previous }:
rev-changes-note = Ghi chú của đơn vị: { $note }
rev-changes-none = (Không thay đổi chỉ tiêu, danh hiệu.)
rev-changes-added = + Thêm: { $text }
rev-changes-removed = − Bỏ: { $text }
rev-changes-changed = ~ Sửa: { $text } — { $changes }
rev-changes-field = { $field ->
    [contentAreaId] nội dung
    [text] tên chỉ tiêu
    [kind] loại
    [measure] đơn vị tính
    [plannedValue] kế hoạch
    [direction] hướng đánh giá
    [dueOn] thời hạn
   *[note] ghi chú
  } { $before } → { $after }
rev-changes-titles-added = + Danh hiệu thêm: { $titles }
rev-changes-titles-removed = − Danh hiệu bỏ: { $titles }
rev-decide = Duyệt hay trả lại bản đăng ký này?
rev-approve = ✅ Duyệt
rev-return = ↩️ Trả lại
rev-reason-prompt = Lý do trả lại (đơn vị sẽ nhận được lý do này để sửa):
rev-reason-expected = Xin ghi rõ lý do trả lại (ít nhất 5 ký tự).
rev-approved = ✔ Đã duyệt; đơn vị đã được báo.
rev-returned = ✔ Đã trả lại; đơn vị đã được báo kèm lý do.
rev-approved-notice = ✅ Ban Thi đua - Khen thưởng đã duyệt bản đăng ký thi đua của đơn vị (lần { $version }).
rev-returned-notice = ↩️ Ban Thi đua - Khen thưởng đã trả lại bản đăng ký thi đua của đơn vị (lần { $version }). Lý do: { $reason }
  Mời sửa và gửi lại.
review-list-help = Chọn một bản đăng ký để xem và quyết định.
review-decide-help = "Duyệt" để chấp nhận; "Trả lại" sẽ hỏi lý do để đơn vị sửa.
review-reason-help = Ghi lý do cụ thể, ví dụ: thiếu chỉ tiêu về cải cách hành chính.
late-title-passed = Đã quá hạn đăng ký ({ $deadline }); { $count } đơn vị chưa gửi bản đăng ký:
late-title-open = Hạn đăng ký { $deadline }; { $count } đơn vị chưa gửi bản đăng ký:
late-more = … và { $count } đơn vị khác.
late-none = Tất cả đơn vị đã gửi bản đăng ký.
late-urge-prompt = Gửi tin đôn đốc đến cán bộ đầu mối của các đơn vị này?
late-nobody-to-urge = Không đơn vị nào trong danh sách có người nhận tin (chưa ai liên kết tài khoản), nên trợ lý chưa đôn đốc được: xin gọi điện theo số ở trên, hoặc tạo mã mời cho cán bộ đầu mối bằng /moi.
late-urge-all = Đôn đốc tất cả ({ $count } đơn vị có người nhận)
late-urge-pick = Chọn đơn vị để đôn đốc
late-pick-prompt = Chọn các đơn vị cần đôn đốc (bấm lần nữa để bỏ chọn), hoặc gõ mã đơn vị, ví dụ: SYT, HHH.
late-pick-send = 📤 Gửi đôn đốc ({ $count } đơn vị)
late-pick-expected = Xin bấm chọn đơn vị hoặc gõ mã đơn vị có trong danh sách.
late-not-urged = Chưa gửi tin đôn đốc.
late-urged = { $reached ->
    [0] { $already ->
        [0] Chưa đôn đốc được đơn vị nào.
       *[other] Không gửi thêm tin nào: { $already } đơn vị đã được đôn đốc hôm nay (mỗi đơn vị một tin mỗi ngày).
      }
   *[other] ✔ Đã gửi tin đôn đốc đến { $reached } đơn vị.{ $already ->
        [0] {""}
       *[other] {" "}{ $already } đơn vị khác đã được đôn đốc hôm nay, không gửi lại.
      }
  }{ $unreached ->
    [0] {""}
   *[other] {" "}{ $unreached } đơn vị chưa có người nhận tin: { $codes }.
  }
late-confirm-help = Mỗi đơn vị chỉ nhận một tin đôn đốc mỗi ngày cho mỗi việc (bản đăng ký, báo cáo từng kỳ), dù bấm nhiều lần.
late-pick-help = Bấm vào từng đơn vị để chọn hoặc bỏ chọn, rồi bấm "Gửi đôn đốc".
urge-notice = ⏰ Đề nghị { $unit } khẩn trương gửi bản đăng ký thi đua năm { $year } (hạn { $deadline }, { $when ->
    [future] còn { $days } ngày
    [today] hôm nay là hạn cuối
   *[past] đã quá { $days } ngày
  }). Bấm nút dưới đây để đăng ký.
late-what-prompt = Đôn đốc đơn vị chưa gửi gì?
late-what-help = Chọn bản đăng ký hoặc báo cáo của một kỳ (kỳ đang báo cáo ở đầu); trợ lý liệt kê các đơn vị chưa gửi cùng cán bộ đầu mối và số điện thoại.
late-what-registration-choice = 📝 Bản đăng ký ({ $count } đơn vị chưa gửi)
late-what-report-choice = 📊 Báo cáo { $period } ({ $count } đơn vị chưa gửi)
late-what-registration = bản đăng ký
late-what-report = báo cáo { $period }
late-report-standing = Chưa gửi báo cáo · { $state ->
    [overdue] quá hạn chưa nộp
   *[other] chưa đến hạn
  }
late-report-title-passed = Đã quá hạn báo cáo { $period } ({ $deadline }); { $count } đơn vị chưa gửi báo cáo:
late-report-title-open = Hạn báo cáo { $period }: { $deadline }; { $count } đơn vị chưa gửi báo cáo:
late-none-all = Tất cả đơn vị đã gửi bản đăng ký và các báo cáo đã đến kỳ.
late-none-for = Không còn đơn vị nào chưa gửi { $what }.
late-urged-at = { $code } lúc { $time }
late-urged-already = Đã được đôn đốc hôm nay: { $list }.
urge-report-notice = ⏰ Đề nghị { $unit } khẩn trương gửi báo cáo kết quả thực hiện chỉ tiêu thi đua { period-label } (hạn { $deadline }, { $when ->
    [future] còn { $days } ngày
    [today] hôm nay là hạn cuối
   *[past] đã quá { $days } ngày
  }). Bấm nút dưới đây để báo cáo.
period-label = { $periodKind ->
    [quarter] { period-quarter }
    [half] { period-half }
    [year] { period-year }
    [month] { period-month }
   *[other] { $code }
  }
inv-role-prompt = Mã mời cho vai trò nào?
invite-role-help = Cán bộ đầu mối đăng ký và báo cáo; cụm, khối trưởng xem và đôn đốc cụm mình; lãnh đạo chỉ xem. Mã cho quản trị chỉ tạo bằng dòng lệnh.
inv-unit-prompt = Cho đơn vị nào? Gõ mã hoặc tên đơn vị.
inv-unit-pick = Có nhiều đơn vị trùng. Chọn một:
invite-unit-help = Gõ mã đơn vị (HHH) hoặc vài chữ trong tên (hai hau).
inv-unit-chosen = ✔ Đơn vị: { $unit }
inv-name-prompt = Họ tên người được mời (nếu biết):
inv-name-expected = Xin gõ họ tên (2 đến 100 ký tự) hoặc chọn Bỏ qua.
invite-name-help = Họ tên giúp Ban nhận ra người đã dùng mã; có thể bỏ qua.
inv-created = Mã mời: { $code }
  { $role }, đơn vị { $unit }, dùng một lần, hiệu lực đến { $expires }.{ $hasLink ->
    [yes] {"\u000A"}Đường dẫn Telegram: { $link }
   *[no] {""}
  }
  Người được mời gửi "/start { $code }" cho bot (hoặc bấm đường dẫn).
tg-cmd-status = Tình hình phong trào
tg-cmd-review = Duyệt bản đăng ký
tg-cmd-late = Đôn đốc đơn vị chưa gửi bản đăng ký
tg-cmd-invite = Tạo mã mời
menu-export = Xuất số liệu, văn bản (Excel, Word)
scope-export-only = Việc này dành cho Ban Thi đua - Khen thưởng, lãnh đạo và cụm, khối trưởng.
exp-format-prompt = Xuất số liệu phong trào dạng nào?
exp-xlsx = Excel (XLSX), một tệp nhiều trang
exp-csv = CSV, mỗi trang một tệp
export-format-help = XLSX mở bằng Excel hoặc LibreOffice; CSV dùng cho phần mềm khác.
exp-started = Đang chuẩn bị tệp { $format }… Tệp sẽ được gửi vào đây khi xong (có thể mất vài phút).
exp-ready = 📊 Số liệu { $movement } ({ $files } tệp).
exp-failed = Chưa xuất được số liệu do lỗi phía trợ lý. Xin thử lại sau.
chart-started = Đang vẽ { $charts ->
    [1] biểu đồ
   *[other] { $charts } biểu đồ
}… Ảnh sẽ được gửi vào đây khi xong.
chart-not-enough-data = Chưa vẽ biểu đồ: cần số liệu của ít nhất 2 đơn vị (hiện có { $units }).
chart-failed = Chưa vẽ được biểu đồ do lỗi phía trợ lý. Xin thử lại sau.
st-chart = 📊 Biểu đồ
tg-cmd-export = Xuất số liệu (Excel, CSV) và văn bản báo cáo (Word)
menu-broadcast = Gửi thông báo chung
tg-cmd-broadcast = Gửi thông báo đến các đơn vị
bc-audience-prompt = Gửi thông báo đến ai?
broadcast-audience-help = Chọn tất cả đơn vị, các đơn vị chưa gửi bản đăng ký, các đơn vị chưa gửi (hoặc đã gửi) báo cáo của một kỳ, một cụm, khối hoặc một loại đơn vị. Tin đến cán bộ đầu mối và cụm, khối trưởng của các đơn vị đó.
bc-audience-all = Tất cả đơn vị
bc-audience-unsent = Đơn vị chưa gửi bản đăng ký
bc-audience-report-missing = Đơn vị chưa gửi báo cáo { $period }
bc-audience-report-sent = Đơn vị đã gửi báo cáo { $period }
bc-audience-kind = Các đơn vị loại: { $kind }
bc-text-prompt = Nội dung thông báo (tối đa { $max } ký tự):
broadcast-text-help = Viết ngắn gọn, rõ việc cần làm và thời hạn.
bc-text-expected = Xin gõ nội dung thông báo (ít nhất 5 ký tự).
bc-preview-audience = Đối tượng: { $audience }.
bc-preview = Thông báo gửi tới { $units } đơn vị; đến được { $reached } đơn vị ({ $people } người){ $unreached ->
    [0] {""}
   *[other] ; { $unreached } đơn vị chưa có ai liên kết tài khoản nên không nhận được
  }{ $noAccount ->
    [0] {""}
   *[other] {" "}({ $noAccount } người chưa liên kết tài khoản)
  }:
  ———
  { $text }
  ———
  Gửi ngay?
broadcast-confirm-help = "Gửi" để gửi ngay; "Sửa nội dung" để viết lại; "Hủy" để thôi.
bc-send = 📤 Gửi
bc-edit = ✏️ Sửa nội dung
bc-cancel = Hủy
bc-cancelled = Đã hủy, không gửi gì.
bc-queued = ✔ Đã xếp { $queued } tin vào hàng gửi; tình hình gửi ở dưới (bấm "Cập nhật" để xem lại).
bc-report = Báo cáo gửi: { $total } tin — ✅ { $sent } đã gửi, 🕓 { $pending } đang chờ, ❌ { $failed } lỗi, 📵 { $unreachable } không liên lạc được.
broadcast-report-help = Bấm "Cập nhật" để xem lại tình hình gửi.
bc-problem-failed = lỗi khi gửi
bc-problem-unreachable = không liên lạc được
bc-refresh = 🔄 Cập nhật
bc-done = Xong
bc-closed = Đã đóng báo cáo gửi.

## Telegram

tg-file-refused-type = Loại tệp này không nhận làm minh chứng. Xin gửi ảnh, PDF, Word, Excel hoặc một đường link.
tg-file-refused-size = Tệp quá lớn (tối đa 20 MB). Xin gửi tệp nhỏ hơn hoặc một đường link.
tg-internal-error = Có lỗi xảy ra phía trợ lý, chưa có gì được lưu và tin nhắn của anh/chị vẫn được giữ lại. Xin thử lại sau ít phút.
tg-stale-button = Nút này thuộc câu hỏi cũ.
tg-group-only-private = Trợ lý Thi đua chỉ làm việc trong cuộc trò chuyện riêng. Mời nhắn riêng cho bot: { $link }
tg-cmd-start = Bắt đầu, liên kết tài khoản bằng mã mời
tg-cmd-help = Trợ giúp và các lệnh
tg-cmd-lang = Đổi ngôn ngữ (Tiếng Việt / English)
tg-cmd-register = Đăng ký chỉ tiêu thi đua
tg-cmd-report = Báo cáo kết quả theo kỳ
tg-cmd-myunit = Tình hình của đơn vị
tg-cmd-menu = Các việc có thể làm
tg-cmd-back = Quay lại bước trước
tg-cmd-cancel = Dừng việc đang làm
start-telegram-polling = Telegram: bot @{ $username } đang nhận tin (long polling).
start-telegram-webhook = Telegram: bot @{ $username } nhận tin qua webhook { $url }.
start-telegram-conflict = Một tiến trình khác đang chạy bot Telegram này (Telegram báo 409). Chương trình dừng để không tranh nhau tin nhắn.
start-zalo-webhook = Zalo OA: nhận tin qua webhook POST /zalo/webhook trên cổng { $port }.
config-bad-webhook-secret = chỉ gồm chữ, số, "_" và "-", từ 16 đến 256 ký tự

## Khởi động (npm start)

start-database = Cơ sở dữ liệu: { $path } ({ $count } bản nâng cấp đã áp dụng).
start-database-in-use = Cơ sở dữ liệu { $path } đang được khôi phục (thidua restore). Hãy chờ xong rồi chạy lại.
start-movement = Phong trào đang mở: { $code } — { $name }.
start-no-movement = Chưa có phong trào nào. Nạp phong trào mẫu: npm run cli -- load-sample
start-telegram-on = Telegram: đã cấu hình (TELEGRAM_BOT_TOKEN).
start-telegram-off = Telegram: chưa cấu hình (đặt TELEGRAM_BOT_TOKEN để bật).
start-zalo-on = Zalo OA: đã cấu hình (ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY).
start-zalo-off = Zalo OA: chưa cấu hình (đặt ZALO_APP_ID, ZALO_APP_SECRET và ZALO_OA_SECRET_KEY để bật).

## Terminal chat

console-welcome = Trợ lý Thi đua — trò chuyện thử ngay trên máy này, không qua Telegram hay Zalo.
  Dữ liệu được ghi vào tệp { $path }; phong trào: { $movement }.
  Gõ /as SNV để đóng vai cán bộ đầu mối của Sở Nội vụ, /as admin để đóng vai cán bộ Ban Thi đua - Khen thưởng (nhận thông báo khi đơn vị gửi), /as để xem thêm mã đơn vị.
  Lệnh: /help (trợ giúp), /quit (thoát). Trả lời câu hỏi bằng số thứ tự hoặc tên lựa chọn.
console-welcome-short = Trò chuyện thử trên tệp { $path } ({ $movement }). Lệnh: /as SNV, /as admin, /help, /quit.
console-no-movement = chưa có phong trào nào
console-sample-loaded = Cơ sở dữ liệu chưa có phong trào nào nên đã tự nạp phong trào mẫu { $code } — { $name }.
console-prompt = Bạn>
console-liaison-name = Cán bộ đầu mối ({ $code })
console-admin-name = Quản trị viên (Ban TĐKT)
console-as-person = Bạn đang đóng vai: { $name } — { $role }{ $hasUnit ->
    [yes] , { $unit }
   *[no] {""}
  }.
console-as-guest = Bạn đang là khách chưa liên kết tài khoản, như một người mới nhắn tin cho bot.
console-as-usage = Cách dùng: /as <mã đơn vị> để đóng vai cán bộ đầu mối của đơn vị đó, /as admin để đóng vai cán bộ Ban Thi đua - Khen thưởng, /as guest để trở lại làm khách (viết tắt tiếng Việt: /dongvai).
  Một vài mã đơn vị: { $codes }
console-no-units = chưa có đơn vị nào (hãy nạp một phong trào)
console-unit-unknown = Không có đơn vị mã "{ $code }", vai hiện tại giữ nguyên. Gõ /as để xem một vài mã đơn vị.
console-help-extra = Lệnh riêng của bản chạy thử: /as <mã đơn vị>, /as admin, /as guest, /file <đường dẫn tệp> (gửi một tệp, ví dụ biểu mẫu đã điền), /quit.
console-outbox-line = 📨 → { $name }: { $text }
console-recipient-unknown = (người nhận #{ $id })
console-file = 📎 Tệp { $name }: { $path }
console-image = 🖼 Ảnh { $name }: { $path }
console-internal-error = Có lỗi xảy ra, chưa có gì được lưu. Vui lòng thử lại.
console-bye = Tạm biệt!

## Zalo

cli-help-zalo-tokens = Lưu cặp mã truy cập đầu tiên của Zalo OA (lấy ở trang quản trị Zalo for Developers)
cli-option-zalo-tokens-access = Access token của OA
cli-option-zalo-tokens-refresh = Refresh token của OA (dùng một lần; bot tự làm mới về sau)
cli-option-zalo-tokens-expires-in = Số giây access token còn hiệu lực (mặc định 90000, tức 25 giờ)
cli-zalo-tokens-missing = Cần cả --access và --refresh.
cli-zalo-tokens-bad-token = Giá trị của --{ $option } không giống một mã của Zalo (một chuỗi liền, không dấu cách, ít nhất 16 ký tự).
cli-zalo-tokens-bad-expires = Số giây "{ $value }" không hợp lệ (từ 60 đến { $max }).
cli-zalo-tokens-set = Đã lưu mã truy cập Zalo OA; access token hết hạn lúc { $expires } và sẽ được tự làm mới trước đó.
cli-help-unreachable = Danh sách những người bot không nhắn tới được (Zalo quá 7 ngày, bỏ quan tâm, chặn bot…)
cli-option-unreachable-channel = Chỉ xem một kênh: zalo hoặc telegram
cli-unreachable-bad-channel = Kênh "{ $value }" không hợp lệ. Chọn một trong: { $channels }
cli-unreachable-none = Bot nhắn tới được tất cả mọi người.
cli-unreachable-title = { $count } tài khoản bot không nhắn tới được:
cli-unreachable-line = {"  "}{ $name } — { $unit } · { $channel ->
    [zalo] Zalo
    [zalobot] Zalo Bot
    [zns] ZNS
    [telegram] Telegram
   *[other] { $channel }
  } · từ { $since } · { $reason }
cli-unreachable-no-unit = (chưa gắn đơn vị)
unreachable-reason-window-expired = quá 7 ngày chưa nhắn cho OA, Zalo không cho gửi tin
unreachable-reason-not-follower = chưa quan tâm OA
unreachable-reason-user-inactive = tài khoản Zalo bị khóa hoặc lâu không dùng
unreachable-reason-unfollowed = đã bỏ quan tâm OA
zalo-internal-error = Có lỗi xảy ra, chưa có gì được lưu. Anh/chị vui lòng gửi lại.

# Every channel: the database cannot be written for now (disk full or read-only); the message is kept and handled once it can.
storage-waiting = Hệ thống đang bận, tin của anh/chị sẽ được xử lý sau. Anh/chị không cần gửi lại.

## Biểu mẫu / Forms

register-pick_field-help = Chọn một mục để sửa riêng mục đó; các mục khác giữ nguyên. "Sửa lần lượt tất cả" hỏi lại từng câu.
register-form_wait-help = Mở tệp biểu mẫu trợ lý vừa gửi, điền rồi gửi lại tệp (.xlsx) vào cuộc trò chuyện này.
register-form_reading-help = Trợ lý đang đọc tệp vừa gửi; kết quả sẽ hiện ngay tại đây.
register-form_confirm-help = "Lưu" ghi các thay đổi trên; "Không lưu" bỏ qua tệp, bản đăng ký giữ nguyên.
register-lines_confirm-help = "Lưu" thêm các chỉ tiêu trên; "Không lưu" bỏ qua, có thể gõ lại.
menu-register-form = 📄 Biểu mẫu Excel
reg-unit-unknown = Không tìm thấy đơn vị "{ $query }". Gõ mã đơn vị, ví dụ /dangky SNV.
reg-unit-ambiguous = Có { $count } đơn vị khớp với "{ $query }". Gõ mã đơn vị, ví dụ /dangky SNV.
conv-file-no-question = Trợ lý đã nhận tệp { $name } nhưng không có câu hỏi nào đang chờ tệp, nên chưa dùng đến. Nếu là biểu mẫu đăng ký đã điền: gõ /dangky rồi gửi lại tệp. Nếu là biểu mẫu báo cáo: gõ /baocao, chọn kỳ, rồi gửi lại tệp. Nếu là biểu mẫu tự chấm điểm cuối năm: gõ /chamdiemexcel rồi gửi lại tệp.
reg-menu-form = 📄 Nhận biểu mẫu Excel (điền cả bảng)
reg-area-bulk-hint = Có thể gửi cả bảng cùng lúc: chọn "Nhận biểu mẫu Excel", gửi lại tệp đã điền, hoặc gõ/dán mỗi chỉ tiêu một dòng, các ô cách nhau bằng dấu ";" (ví dụ: 6; Tỷ lệ hồ sơ giải quyết đúng hạn; ≥ 98,5 %; 31/12).
reg-pick-field = Sửa mục nào?
reg-field-text = Nội dung chỉ tiêu
reg-field-planned = Kế hoạch (con số)
reg-field-measure = Đơn vị tính
reg-field-due = Thời hạn
reg-field-note = Ghi chú
reg-field-area = Nội dung thi đua
reg-field-kind = Loại chỉ tiêu
reg-field-direction = Yêu cầu (không thấp hơn / không vượt quá)
reg-field-all = Sửa lần lượt tất cả
reg-field-qualitative = Chỉ tiêu định tính không có kế hoạch bằng số. Muốn ghi số, hãy chọn "Loại chỉ tiêu" để đổi sang định lượng.
reg-field-saved = ✔ Đã lưu thay đổi.
reg-editing = ✎ Sửa "{ $field }" của chỉ tiêu: { $text }
form-on-its-way-targets = Biểu mẫu đăng ký đang được chuẩn bị và sẽ được gửi vào đây ngay.
form-on-its-way-results = Biểu mẫu báo cáo đang được chuẩn bị và sẽ được gửi vào đây ngay.
form-sent-targets = 📄 Biểu mẫu đăng ký chỉ tiêu (Mẫu 1a). Điền bằng Excel, WPS hoặc Google Trang tính rồi gửi lại tệp vào đây.
form-sent-results = 📄 Biểu mẫu báo cáo kết quả. Điền cột "Kết quả" rồi gửi lại tệp vào đây.
form-write-failed = Chưa tạo được biểu mẫu do lỗi phía trợ lý. Xin thử lại sau.
form-wait-targets = Điền biểu mẫu rồi gửi lại tệp .xlsx vào đây (không cần đổi tên tệp). Chưa có gì thay đổi cho đến khi anh/chị xác nhận.
form-wait-results = Điền cột "Kết quả" rồi gửi lại tệp .xlsx vào đây. Chưa có gì được lưu cho đến khi anh/chị xác nhận.
form-send-file = Mời gửi tệp biểu mẫu đã điền (.xlsx), hoặc chọn "Về danh sách".
form-back-to-list = Về danh sách
form-reading = 📥 Đã nhận tệp { $name }, đang đọc…
form-reading-wait = Đang đọc tệp, xin chờ giây lát. Kết quả sẽ được báo ngay tại đây.
form-reading-meanwhile = Kết quả đọc tệp sẽ được báo ngay tại đây.
form-send-file-results = Mời gửi tệp biểu mẫu báo cáo đã điền (.xlsx), hoặc chọn "Báo cáo từng chỉ tiêu".
form-other-period = ✖ Tệp { $name } là biểu mẫu báo cáo { $period }, không phải của kỳ đang báo cáo, nên chưa dùng; chưa có gì thay đổi. Xin gửi biểu mẫu của kỳ này; hoặc để báo cáo { $period } bằng tệp này, gõ /baocao và chọn kỳ đó.
form-read-ok = Đã đọc tệp { $name }.
form-read-too-late = Tệp đã đọc xong nhưng cuộc trao đổi đã chuyển sang việc khác, nên chưa dùng đến. Muốn nhập, xin gửi lại tệp.
form-refused = ✖ Tệp { $name } chưa dùng được, chưa có gì thay đổi. Xin sửa các chỗ sau rồi gửi lại:
form-lines-refused = ✖ Chưa đọc được các dòng này, chưa có gì được lưu. Xin sửa rồi gửi lại:
form-lines-read = Đã đọc các dòng như sau:
form-problem-at = • Dòng { $line }{ $hasColumn ->
    [yes] , cột { $column }
   *[no] {""}
  }: { $message }
form-problems-more = … và { $count } lỗi khác.
form-target-read = Nội dung { $area } · { $text } — { $plan } · hạn { $due }
form-plan-counts = Thêm { $added }, sửa { $changed }, xóa { $removed }, giữ nguyên { $unchanged } chỉ tiêu.
form-plan-added = Thêm:
form-plan-changed = Sửa:
form-plan-removed = Xóa (không còn trong tệp):
form-plan-warnings = Lưu ý:
form-confirm-prompt = Lưu các thay đổi này?
form-confirm-save = Lưu
form-confirm-save-submit = Lưu và gửi Ban
form-confirm-drop = Không lưu
form-saved = ✔ Đã lưu.
form-dropped = Không lưu gì cả.
form-not-applicable = Tệp này có lỗi nên không lưu được.
form-read-failed = Chưa đọc được tệp do lỗi phía trợ lý; tệp đã được giữ lại. Xin thử gửi lại sau ít phút.
form-file-unnamed = (không tên)
form-file-photo = Đây là ảnh. Xin gửi tệp biểu mẫu .xlsx dưới dạng tệp (đính kèm tệp), không gửi ảnh chụp.
form-file-xls = Tệp .xls (Excel 97-2003) chưa đọc được. Xin mở tệp và lưu lại dưới dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel) rồi gửi lại.
form-file-ods = Tệp .ods chưa đọc được. Xin lưu lại dưới dạng .xlsx rồi gửi lại.
form-file-too-big = Tệp quá lớn để là một biểu mẫu (tối đa 10 MB).
form-file-zip-bomb = Tệp này khi giải nén lớn bất thường, không phải một biểu mẫu bình thường nên không được đọc.
form-file-not-workbook = Tệp này không phải bảng tính Excel (.xlsx) đọc được. Xin gửi đúng tệp biểu mẫu đã điền.
form-file-empty = Tệp rỗng.
form-file-not-fetched = Chưa tải được tệp từ ứng dụng nhắn tin. Xin gửi lại tệp.
form-file-source-refused = Tệp này không đến từ máy chủ tệp của Zalo nên bot không tải về. Xin gửi tệp trực tiếp trong khung chat (đính kèm tệp .xlsx).
form-file-too-long = Bảng có { $rows } dòng, quá nhiều cho một bản đăng ký (tối đa { $max } dòng).
form-file-too-many-cells = Bảng tính có quá nhiều ô cho một biểu mẫu (tối đa { $max } ô). Xin gửi đúng tệp biểu mẫu đã điền.
form-file-no-header = Không tìm thấy dòng tiêu đề của biểu mẫu (các cột "Nội dung thi đua", "Nội dung chỉ tiêu", "Kế hoạch"…). Xin dùng biểu mẫu trợ lý gửi.
form-file-no-rows = Biểu mẫu chưa có chỉ tiêu nào.
form-file-no-results = Chưa có kết quả nào được điền ở cột "Kết quả".
form-file-is-results = Đây là biểu mẫu báo cáo kết quả, không phải biểu mẫu đăng ký chỉ tiêu.
form-file-is-targets = Đây là biểu mẫu đăng ký chỉ tiêu, không phải biểu mẫu báo cáo kết quả.
form-file-other-unit = Biểu mẫu này của đơn vị { $unit }, không phải của đơn vị anh/chị.
form-file-other-period = Biểu mẫu này là của kỳ báo cáo { $period }, không phải kỳ đang báo cáo.
form-err-required = ô này không được để trống.
form-err-area = "{ $value }" không phải nội dung thi đua nào; chọn trong danh sách (từ 1 đến { $max }).
form-err-kind = chọn "Định lượng" hoặc "Định tính".
form-err-direction = chọn "Không thấp hơn" hoặc "Không vượt quá".
form-err-date = "{ $value }" không phải ngày có thật; ghi theo dạng ngày/tháng/năm, ví dụ 31/12/2020.
form-err-number = "{ $value }" không phải con số; ghi như 25, 1.234,5 hoặc 98,5.
form-err-number-ambiguous = "{ $value }" có thể hiểu hai cách; ghi rõ, ví dụ 1500 hoặc 1,5.
form-err-measure-required = chỉ tiêu định lượng cần đơn vị tính.
form-err-plan-qualitative = chỉ tiêu định tính không ghi con số kế hoạch ("{ $value }"); để trống hoặc ghi "Hoàn thành".
form-err-formula = ô có công thức; xin ghi giá trị (sao chép rồi dán giá trị).
form-err-id = ô mã đã bị sửa hoặc dòng được chép từ bản khác; đừng sửa cột này (dòng mới để trống mã).
form-err-id-twice = dòng này trùng mã với một dòng ở trên (dòng được sao chép); dòng mới để trống mã.
form-err-state = "{ $value }" không phải tình trạng; chọn Chưa thực hiện, Đang thực hiện, Hoàn thành hoặc Hoàn thành xuất sắc.
form-err-link = minh chứng cần là đường link bắt đầu bằng http:// hoặc https://.
form-err-basis = chọn "Trong kỳ" hoặc "Lũy kế".
form-warn-due-past = thời hạn { $date } đã qua.
form-warn-magnitude = "{ $value }" { $above ->
    [yes] gấp khoảng { $factor } lần
   *[no] chỉ bằng khoảng 1/{ $factor }
  } kế hoạch ({ $plan }); xin kiểm tra lại đơn vị tính.
form-err-magnitude = "{ $value }" { $above ->
    [yes] gấp khoảng { $factor } lần
   *[no] chỉ bằng khoảng 1/{ $factor }
  } kế hoạch ({ $plan }): có lẽ nhầm đơn vị tính.{ $asDong ->
    [none] {""}
   *[other] {" "}Nếu là số đồng, xin ghi "{ $value } đồng" (tức { $asDong }).
  } Nếu con số đúng như vậy, xin ghi kèm đơn vị: "{ $value } { $measure }".
form-col-no = STT
form-col-area = Nội dung thi đua
form-col-text = Nội dung chỉ tiêu
form-col-kind = Loại chỉ tiêu
form-col-measure = Đơn vị tính
form-col-plan = Kế hoạch
form-col-direction = Yêu cầu
form-col-due = Thời hạn
form-col-note = Ghi chú
form-col-id = Mã (không sửa)
form-col-result = Kết quả
form-col-basis = Số liệu
form-col-evidence = Minh chứng (đường link)
form-direction-at_least = Không thấp hơn
form-direction-at_most = Không vượt quá
form-basis-period = Trong kỳ
form-basis-total = Lũy kế
form-list-title = Giá trị không có trong danh sách
form-list-area = Chọn một nội dung thi đua trong danh sách.
form-list-kind = Chọn Định lượng hoặc Định tính.
form-list-direction = Chọn Không thấp hơn hoặc Không vượt quá.
form-list-state = Chọn một tình trạng trong danh sách.
form-list-basis = Chọn Trong kỳ hoặc Lũy kế.
form-instructions-sheet = Hướng dẫn
form-instructions-title = Hướng dẫn điền biểu mẫu
form-targets-sheet = Đăng ký chỉ tiêu
form-targets-title = BẢN ĐĂNG KÝ CHỈ TIÊU THI ĐUA NĂM { $year }
form-targets-subtitle = (Mẫu 1a; điền từ dòng 6, mỗi chỉ tiêu một dòng)
form-targets-help = Biểu mẫu đăng ký chỉ tiêu thi đua của { $unit }. Hạn gửi: { $deadline }.
  • Mỗi chỉ tiêu một dòng. Chọn "Nội dung thi đua", "Loại chỉ tiêu" và "Yêu cầu" trong danh sách thả xuống.
  • Định lượng: ghi "Đơn vị tính" (%, sản phẩm, tỷ đồng…) và "Kế hoạch" là con số (98,5 hoặc 1.234). Định tính: để trống kế hoạch.
  • "Yêu cầu" để trống là "Không thấp hơn". "Thời hạn" theo dạng ngày/tháng/năm; để trống là cuối phong trào ({ $end }).
  • Sửa một dòng để sửa chỉ tiêu; xóa cả dòng để xóa chỉ tiêu; thêm dòng mới để thêm. Không sửa cột "Mã" (ẩn) và không dùng công thức.
  • Lưu dạng .xlsx rồi gửi lại tệp trong cuộc trò chuyện với Trợ lý Thi đua. Trợ lý kiểm tra từng dòng và chỉ lưu khi anh/chị xác nhận.
form-targets-help-last-year = Các dòng điền sẵn là chỉ tiêu năm trước của đơn vị, để tham khảo: sửa cho năm nay, xóa dòng không dùng.
form-results-sheet = Báo cáo kết quả
form-results-title = BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA — { $period }
form-results-subtitle = (điền cột "Kết quả"; để trống chỉ tiêu chưa báo cáo)
form-results-help = Báo cáo kết quả của { $unit }, { $period }.
  • Cột "Kết quả": con số theo đơn vị tính của chỉ tiêu (97,5 hoặc 1,2 tỷ), hoặc tình trạng của chỉ tiêu định tính chọn trong danh sách.
  • Cột "Số liệu": "Trong kỳ" (chỉ kỳ này) hoặc "Lũy kế" (từ đầu năm); chỉ cần với số lượng và số tiền, tỷ lệ luôn là số mới nhất.
  • Cột "Minh chứng": đường link (nếu có). Để trống cả dòng nếu chưa báo cáo chỉ tiêu đó. Không sửa cột "Mã" (ẩn).
report-form_wait-help = Mở tệp biểu mẫu báo cáo trợ lý vừa gửi, điền cột "Kết quả" rồi gửi lại tệp (.xlsx) vào đây.
report-form_reading-help = Trợ lý đang đọc tệp vừa gửi; kết quả sẽ hiện ngay tại đây.
rep-form-back = Báo cáo từng chỉ tiêu
rep-line-unknown = cần dạng "số thứ tự: kết quả", số thứ tự từ 1 đến { $count }.
rep-menu-form = 📄 Báo cáo bằng biểu mẫu Excel
rep-lines-hint = Có thể báo cáo nhiều chỉ tiêu trong một tin, mỗi dòng "số thứ tự: kết quả", ví dụ 1: 97,5 / 2: 12 lũy kế / 3: hoàn thành.
rep-lines-refused = ✖ Chưa đọc được các dòng này, chưa có gì được lưu:
cli-help-form = Viết biểu mẫu Excel của một đơn vị: đăng ký chỉ tiêu, hoặc báo cáo một kỳ (--period)
cli-help-import-targets = Nhập biểu mẫu đăng ký đã điền của một đơn vị (Ban nhập thay đơn vị)
cli-help-import-results = Nhập biểu mẫu báo cáo kết quả đã điền của một đơn vị cho một kỳ
cli-option-form-unit = Mã đơn vị, ví dụ SNV
cli-option-form-period = Mã kỳ báo cáo (ví dụ Q2020-1): biểu mẫu báo cáo thay vì đăng ký
cli-option-form-out = Tệp sẽ ghi (mặc định: tên tệp chuẩn trong thư mục hiện tại)
cli-option-form-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-option-import-targets-unit = Mã đơn vị của biểu mẫu
cli-option-import-targets-dry-run = Chỉ kiểm tra và cho xem thay đổi, không ghi
cli-option-import-targets-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-option-import-results-unit = Mã đơn vị của biểu mẫu
cli-option-import-results-period = Mã kỳ báo cáo, ví dụ Q2020-1
cli-option-import-results-dry-run = Chỉ kiểm tra và cho xem kết quả, không ghi
cli-option-import-results-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-form-usage = Cách dùng: thidua form [score] --unit MÃ [--period MÃ-KỲ] [--out tệp.xlsx]
cli-import-targets-usage = Cách dùng: thidua import-targets <tệp.xlsx> --unit MÃ [--dry-run]
cli-import-results-usage = Cách dùng: thidua import-results <tệp.xlsx> --unit MÃ --period MÃ-KỲ [--dry-run]
cli-form-written = Đã viết biểu mẫu của { $unit }: { $path }
cli-form-not-registered = Đơn vị { $unit } chưa gửi bản đăng ký nên chưa có gì để báo cáo.
cli-import-dry-run = (Chạy thử: chưa ghi gì.)
cli-import-saved = ✔ Đã lưu cho { $unit } (ghi vào nhật ký là Ban nhập thay đơn vị).
console-file-usage = Cách dùng: /file <đường dẫn tệp> (không tìm thấy tệp "{ $path }").
## Zalo: hạn mức, ZNS, Bot Platform

config-bad-zns-template = phải là mã mẫu tin ZNS (dạng số) do Zalo duyệt
config-bad-zns-params = phải có dạng trường=tên_tham_số, cách nhau bởi dấu phẩy; trường là name, unit, what, due hoặc movement
config-bad-zalo-bot-token = không giống mã bot do Zalo Bot Creator cấp
start-zalobot-on = Zalo Bot Platform: đã cấu hình (ZALO_BOT_TOKEN).
start-zalobot-off = Zalo Bot Platform: chưa cấu hình (đặt ZALO_BOT_TOKEN để bật).
start-zalobot-polling = Zalo Bot Platform: bot "{ $name }" đang nhận tin (long polling).
start-zalobot-webhook = Zalo Bot Platform: bot "{ $name }" nhận tin qua webhook POST { $path } trên cổng { $port }.
zalobot-file-not-sent = Tệp "{ $name }" không gửi được qua Zalo Bot (nền tảng này chỉ nhận chữ và ảnh). Anh/chị lấy tệp qua Telegram hoặc đề nghị Ban gửi qua thư điện tử.
zalobot-image-not-sent = Ảnh "{ $name }" chưa gửi được qua Zalo Bot. Anh/chị xem ảnh qua Telegram hoặc đề nghị Ban gửi qua thư điện tử.
# /tinhhinh (admins) and `thidua zalo-quota`: what the Zalo OA spent this month.
zalo-quota-status = Zalo OA tháng { $month }: { $proactive }/{ $budget } tin chủ động (còn { $left }), { $replies } tin phản hồi miễn phí, { $zns } tin ZNS{ $held ->
    [0] {""}
   *[other] ; { $held } tin bị giữ lại vì hết hạn mức
  }.
zalo-quota-over = Khi hết hạn mức: { $over ->
    [wait] tin chờ sang ngày 1 tháng sau
    [fallback] tin gửi qua kênh khác của người nhận (Telegram, Zalo Bot), nếu có
   *[report] tin không được gửi và được báo lại cho Ban
  }.
zalo-quota-zalo-remain = Zalo báo còn { $remain } tin chủ động miễn phí trong tháng.
cli-help-zalo-quota = Hạn mức tin Zalo OA trong tháng: đã dùng, còn lại; đặt hạn mức, cách xử lý khi hết, thứ tự liên lạc khi nhắc việc
cli-option-zalo-quota-budget = Số tin chủ động mỗi tháng (mặc định 1000, bằng hạn mức miễn phí của OA đã xác thực)
cli-option-zalo-quota-over = Khi hết hạn mức: wait (chờ tháng sau), fallback (gửi qua kênh khác), report (không gửi, báo lại)
cli-option-zalo-quota-reach = Thứ tự liên lạc khi tin nhắc không tới được qua Zalo (phong trào hiện tại): telegram, zalobot, zns, call
cli-option-zalo-quota-month = Xem tháng khác (YYYY-MM)
cli-zalo-quota-bad-budget = Hạn mức "{ $value }" không hợp lệ (số nguyên từ 0 trở lên).
cli-zalo-quota-bad-over = "{ $value }" không hợp lệ. Chọn một trong: wait, fallback, report.
cli-zalo-quota-bad-reach = Thứ tự "{ $value }" không hợp lệ: liệt kê, cách nhau bởi dấu phẩy, một số trong telegram, zalobot, zns, call (call luôn ở cuối).
cli-zalo-quota-bad-month = Tháng "{ $value }" không hợp lệ (dạng YYYY-MM, ví dụ 2026-03).
cli-zalo-quota-no-movement = Chưa có phong trào nào đang mở để đặt thứ tự liên lạc.
cli-zalo-quota-saved = Đã lưu.
cli-zalo-quota-reach = Tin nhắc không tới được qua Zalo thì thử lần lượt: { $order }.
# How a reminder reached (or did not reach) a person.
reach-way = { $way ->
    [telegram] Telegram
    [zalobot] Zalo Bot
    [zns] tin ZNS theo số điện thoại
   *[call] Ban gọi điện
  }
reach-outcome = { $outcome ->
    [zalo] đã nhận qua Zalo
    [telegram] đã nhận qua Telegram
    [zalobot] đã nhận qua Zalo Bot
    [zns] đã nhận qua ZNS
    [console] đã nhận
    [pending] đang gửi
   *[none] chưa liên lạc được
  }
late-contact-outcome = { $contact } — lần nhắc gần nhất: { $outcome }
cli-help-call-list = Tin nhắc gần nhất của từng người và kết quả (đã nhận qua Zalo, Telegram, ZNS hay chưa liên lạc được); ai chưa liên lạc được thì kèm số điện thoại để Ban gọi
cli-option-call-list-all = Liệt kê cả những người đã nhận tin
cli-call-list-none = Mọi người đều đã nhận tin nhắc gần nhất.
cli-call-list-title = { $count } người chưa liên lạc được qua tin nhắc, cần gọi điện:
cli-call-list-all-title = Tin nhắc gần nhất của { $count } người:
cli-call-list-line = {"  "}{ $name } — { $unit }: { $outcome } · người: { $phone } · đơn vị: { $unitPhone } · nhắc lúc { $at }
cli-call-list-no-phone = chưa có số
rem-tap-zalo = Chỉ cần bấm một nút bên dưới để trả lời: nhờ đó Zalo tiếp tục cho bot nhắn tin cho anh/chị.
# Linking on Zalo: may ZNS reminders go to the person's phone?
link-phone-ask = Khi anh/chị quá 7 ngày chưa nhắn cho Zalo OA, Zalo không cho bot nhắn tiếp. Anh/chị có đồng ý để Ban nhắc việc qua tin ZNS của Zalo theo số điện thoại không? Số chỉ dùng để nhắc việc thi đua.
link-phone-use = Đồng ý, số { $phone }
link-phone-other = Đồng ý, nhập số
link-phone-no = Không đồng ý
link-phone-type = Nhập số điện thoại di động của anh/chị (ví dụ 0912 345 678), hoặc bấm "Không đồng ý".
link-phone-bad = "{ $value }" không phải số di động Việt Nam (10 số, bắt đầu bằng 0, ví dụ 0912 345 678).
link-phone-saved = Đã lưu số { $phone }. Khi cần, Ban sẽ nhắc anh/chị qua tin ZNS của Zalo (muốn thôi thì gõ /ngungzns).
link-phone-declined = Bot sẽ không dùng số điện thoại của anh/chị để nhắn tin.
link-phone-form-title = Số điện thoại nhận tin nhắc việc
link-phone-form-subtitle = Bấm để gửi số điện thoại Zalo của anh/chị: Ban nhắc việc thi đua qua tin ZNS khi quá 7 ngày chưa nhắn cho OA.
link-phone-help = Đồng ý thì Ban nhắc được anh/chị qua tin ZNS của Zalo khi quá 7 ngày chưa nhắn cho OA; không đồng ý thì Ban gọi điện khi cần.
import-bad-phone = Số điện thoại "{ $value }" không hợp lệ (chữ số, có thể có dấu cách, dấu chấm, gạch nối, 8–20 ký tự).
doctor-zns-on = ZNS: tin nhắc tới người quá 7 ngày chưa nhắn cho OA được gửi theo mẫu { $template } (ai đồng ý khi liên kết).
doctor-zns-off = ZNS: chưa cấu hình (ZALO_ZNS_TEMPLATE_ID); tin nhắc không tới được qua Zalo thì đi Telegram, Zalo Bot hoặc vào danh sách gọi điện.
doctor-zalobot-off = Zalo Bot Platform: chưa cấu hình (ZALO_BOT_TOKEN).
doctor-telegram-half = Telegram: mới cấu hình một nửa (đã đặt { $set }, còn thiếu { $missing }); bot sẽ không khởi động. Đặt nốt các biến còn thiếu, hoặc để trống cả { $set }.
doctor-zalo-half = Zalo OA: mới cấu hình một nửa (đã đặt { $set }, còn thiếu { $missing }); bot sẽ không khởi động. Đặt nốt các biến còn thiếu, hoặc để trống cả { $set }.
doctor-zalobot-half = Zalo Bot Platform: mới cấu hình một nửa (đã đặt { $set }, còn thiếu { $missing }); bot sẽ không khởi động. Đặt nốt các biến còn thiếu, hoặc để trống cả { $set }.
doctor-zalobot-ok = Zalo Bot Platform: mã bot hợp lệ (bot "{ $name }", nhận tin { $mode ->
    [webhook] qua webhook POST /zalobot/webhook
   *[polling] bằng long polling
  }).
doctor-zalobot-token-refused = Zalo Bot Platform từ chối mã bot ({ $error }). Lấy mã mới của bot trong Zalo Bot Creator, đặt vào ZALO_BOT_TOKEN.
doctor-zalobot-unreachable = Không gọi được Zalo Bot Platform tại { $base } ({ $error }). Kiểm tra kết nối Internet và tường lửa.

## Export

export-sheet-summary = Tổng hợp
export-sheet-targets = Đăng ký chỉ tiêu
export-sheet-results = Kết quả
export-sheet-units = Đơn vị
export-sheet-groups = Cụm, khối
export-col-group = Cụm/khối
export-col-group-code = Mã cụm/khối
export-col-group-kind = Loại
export-col-group-name = Tên cụm/khối
export-col-unit-code = Mã đơn vị
export-col-unit-name = Tên đơn vị
export-col-unit-kind = Loại đơn vị
export-col-status = Trạng thái
export-col-submitted-on = Ngày gửi
export-col-late = Nộp muộn / quá hạn
export-lateness = { $kind ->
    [overdue] Quá hạn chưa nộp
   *[submitted_late] Nộp muộn
  }
export-col-target-count = Số chỉ tiêu
export-col-targets-exceeded = CT vượt
export-col-targets-met = CT đạt
export-col-targets-in-progress = CT đang thực hiện
export-col-targets-not-met = CT không đạt
export-col-targets-not-reported = CT chưa báo cáo
export-col-index = STT
export-col-area = Nội dung thi đua
export-col-target = Chỉ tiêu
export-col-measure = Đơn vị tính
export-col-plan = Kế hoạch
export-col-due = Thời hạn
export-col-note = Ghi chú
export-col-period = Kỳ báo cáo
export-col-result = Kết quả
export-col-cumulative = Lũy kế
export-col-percent = % kế hoạch
export-col-assessment = Đánh giá
export-col-evidence = Minh chứng
export-col-revision = Lần báo cáo
export-col-reported-on = Ngày báo cáo
export-col-valid-from = Hiệu lực từ
export-col-valid-to = Hiệu lực đến
export-col-head = Cụm/khối trưởng
export-col-deputy = Cụm/khối phó
export-col-members = Số đơn vị
export-col-illustrative = Minh họa
export-yes = Có
export-no = Không
export-qualitative = Hoàn thành
export-group-kind = { $kind ->
    [cum] Cụm
   *[khoi] Khối
  }
export-evidence-kind = { $kind ->
    [photo] Ảnh
    [link] Đường link
   *[document] Tệp
  }
err-export-group-unknown = Phong trào { $movement } không có cụm/khối mã "{ $code }". Các mã có: { $groups }
err-export-period-unknown = Phong trào { $movement } không có kỳ báo cáo mã "{ $code }". Các kỳ có: { $periods }
err-export-format = Định dạng "{ $format }" không hợp lệ: chọn xlsx hoặc csv.
cli-help-export = Xuất số liệu phong trào ra Excel (XLSX) hoặc CSV: tổng hợp, chỉ tiêu đăng ký, kết quả, đơn vị, cụm/khối
cli-option-export-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-option-export-cluster = Chỉ một cụm/khối (mã, ví dụ CUM1)
cli-option-export-period = Chỉ kết quả của một kỳ báo cáo (mã, ví dụ Q2020-1)
cli-option-export-format = xlsx (mặc định) hoặc csv (mỗi trang một tệp)
cli-option-export-out = Thư mục ghi tệp (mặc định ./exports)
cli-option-export-all-revisions = Trang Kết quả gồm mọi lần báo cáo, không chỉ lần mới nhất
cli-export-done = Đã xuất phong trào { $code } ra { $count } tệp:
cli-export-file = {"  "}{ $path }
cli-export-sheet = {"    "}{ $sheet }: { $rows } dòng

## Văn bản / Documents

# Xuất số liệu: phần bổ sung
cli-option-export-include-drafts = Gồm cả các bản đăng ký chưa gửi Ban (mặc định: chỉ bản đã gửi)
export-sheet-titles = Danh hiệu
export-heading = { $sheet ->
    [summary] TỔNG HỢP TÌNH HÌNH ĐĂNG KÝ VÀ KẾT QUẢ THI ĐUA THEO ĐƠN VỊ
    [targets] CHỈ TIÊU THI ĐUA ĐĂNG KÝ
    [titles] DANH HIỆU THI ĐUA ĐĂNG KÝ
    [results] KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA
    [units] DANH SÁCH ĐƠN VỊ THAM GIA
   *[groups] CỤM, KHỐI THI ĐUA
  }
export-heading-group = { $name }
export-heading-period = Kỳ báo cáo: { $period }
export-heading-date = Số liệu đến { $at }
export-col-version = Lần gửi
export-col-return-reason = Lý do trả lại
export-col-title = Danh hiệu đăng ký

doc-creator = Trợ lý Thi đua
doc-default-province = (tỉnh)
doc-default-parent = UBND tỉnh { $province }
doc-default-body = Sở Nội vụ
doc-default-standing-body = Sở Nội vụ (Ban Thi đua - Khen thưởng)
doc-default-signer-title = GIÁM ĐỐC
doc-default-recipients =
    UBND tỉnh (để báo cáo);
    Hội đồng Thi đua - Khen thưởng tỉnh;
    Lưu: VT, Ban TĐKT.
doc-addressee = Ủy ban nhân dân tỉnh { $province }
doc-number = Số:        /{ $kind }-{ $abbreviation }
doc-nation = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
doc-motto = Độc lập - Tự do - Hạnh phúc
doc-place-date = { $place }, ngày { $day } tháng { $month } năm { $year }
doc-to = Kính gửi: { $addressee }
doc-launch = Thực hiện Công văn số { $number }{ $hasDate ->
    [yes] {" "}ngày { $date }
   *[no] {""}
  }{ $hasIssuer ->
    [yes] {" "}của { $issuer }
   *[no] {""}
  } về việc phát động { $movement }
doc-launch-plain = Thực hiện { $movement }
doc-recipients = Nơi nhận:
doc-sign-hint = (Ký tên, đóng dấu)
doc-report-number-kind = BC
doc-report-kind = BÁO CÁO
doc-report-kind-lower = Báo cáo
doc-total = Tổng cộng
doc-no-group = Chưa thuộc cụm, khối
doc-too-many-names = { $count } đơn vị (danh sách tại Phụ lục)
doc-annex = PHỤ LỤC
doc-annex-attached = (Kèm theo { $kind } ngày { $date } của { $body })
doc-qualitative-plan = Hoàn thành
doc-col-index = STT
doc-col-target = Nội dung chỉ tiêu
doc-col-plan = Kế hoạch
doc-col-note = Ghi chú
doc-col-unit = Đơn vị
doc-col-group = Cụm, khối thi đua
doc-col-kind = Loại đơn vị
doc-col-units = Số đơn vị
doc-col-on-time = Gửi đúng hạn
doc-col-late = Nộp muộn
doc-col-not-sent = Chưa gửi
doc-col-approved = Đã duyệt
doc-col-status = Trạng thái
doc-col-sent-on = Ngày gửi
doc-col-lateness = Đúng hạn / muộn
doc-col-targets = Số chỉ tiêu
doc-col-titles = Danh hiệu đăng ký
doc-col-area = Nội dung thi đua
doc-col-exceeded = Vượt
doc-col-met = Đạt
doc-col-in-progress = Đang thực hiện
doc-col-not-met = Không đạt
doc-col-not-reported = Chưa báo cáo
doc-col-reported-on = Ngày báo cáo
doc-reg-number-kind = ĐK
doc-reg-kind = BẢN ĐĂNG KÝ
doc-reg-title = Chỉ tiêu và danh hiệu thi đua năm { $year }
doc-reg-draft-mark = (Bản dự thảo: bản đăng ký đang ở trạng thái "{ registration-status }", chưa được gửi Ban Thi đua - Khen thưởng)
doc-reg-intro = { $launch }, { $unit } đăng ký chỉ tiêu và danh hiệu thi đua năm { $year } như sau:
doc-reg-targets-heading = I. CÁC CHỈ TIÊU THI ĐUA
doc-reg-no-targets = Đơn vị chưa đăng ký chỉ tiêu thi đua nào.
doc-reg-titles-heading = II. DANH HIỆU THI ĐUA ĐĂNG KÝ
doc-reg-no-titles = Đơn vị không đăng ký danh hiệu thi đua.
doc-reg-commitment = { $unit } cam kết tổ chức thực hiện tốt các chỉ tiêu đã đăng ký, báo cáo kết quả định kỳ về Ban Thi đua - Khen thưởng theo quy định.
doc-reg-recipients =
    { $standingBody };
    Lưu: VT.
doc-reg-recipients-own =
    Như trên;
    Hội đồng Thi đua - Khen thưởng tỉnh;
    Lưu: VT, Ban TĐKT.
doc-reg-signer = THỦ TRƯỞNG ĐƠN VỊ
doc-summary-title = Kết quả đăng ký thi đua năm { $year } của các cơ quan, đơn vị, địa phương
doc-summary-intro = { $launch }, { $body } đã hướng dẫn các cơ quan, đơn vị, địa phương, các cụm, khối thi đua đăng ký chỉ tiêu và danh hiệu thi đua, thời hạn gửi trước ngày { $deadline }. { $body } tổng hợp, báo cáo Ủy ban nhân dân tỉnh như sau:
doc-summary-h-registration = I. TÌNH HÌNH ĐĂNG KÝ THI ĐUA
doc-summary-totals = Tổng số { $units } đơn vị tham gia phong trào; { $sent } đơn vị đã gửi bản đăng ký, trong đó { $onTime } đơn vị gửi đúng hạn và { $late } đơn vị nộp muộn (sau ngày { $deadline }); { $notSent } đơn vị chưa gửi. Ban Thi đua - Khen thưởng đã duyệt { $approved } bản đăng ký.
doc-summary-late-named = Các đơn vị nộp muộn ({ $count }): { $names }.
doc-summary-overdue-named = Các đơn vị quá hạn chưa nộp ({ $count }): { $names }.
doc-summary-not-yet-named = Các đơn vị chưa gửi bản đăng ký (hạn { $deadline }) ({ $count }): { $names }.
doc-summary-by-group = Theo cụm, khối thi đua:
doc-chart-caption = Biểu đồ { $number }. { $title }
doc-summary-by-kind = Theo loại đơn vị:
doc-summary-h-titles = II. DANH HIỆU THI ĐUA ĐĂNG KÝ
doc-summary-no-titles = Chưa có đơn vị đăng ký danh hiệu thi đua.
doc-summary-title-line = - { $title }: { $count } đơn vị.
doc-summary-flag = Các đơn vị đăng ký Cờ thi đua của UBND tỉnh ({ $count }), sẽ được bình xét, suy tôn trong cụm, khối: { $names }.
doc-summary-h-targets = III. CÁC CHỈ TIÊU THI ĐUA CHỦ YẾU
doc-summary-area = { $number }. { $title }: { $targets } chỉ tiêu của { $units } đơn vị.
doc-summary-notable = { $text } ({ $units } đơn vị đăng ký);
doc-summary-notable-one = { $text } ({ $detail });
doc-summary-h-proposals = IV. ĐỀ XUẤT, KIẾN NGHỊ
doc-summary-proposals = Đề nghị Ủy ban nhân dân tỉnh chỉ đạo { $count } đơn vị chưa gửi bản đăng ký khẩn trương hoàn thành việc đăng ký thi đua; { $body } tiếp tục hướng dẫn, đôn đốc và tổng hợp, báo cáo kết quả.
doc-summary-annex-title = TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM { $year } THEO ĐƠN VỊ
doc-period-title = Kết quả thực hiện chỉ tiêu thi đua { $period }
doc-period-intro = { $launch }, { $body } tổng hợp kết quả thực hiện các chỉ tiêu thi đua { $period } của các cơ quan, đơn vị, địa phương (đánh giá đến ngày { $asOf }), báo cáo Ủy ban nhân dân tỉnh như sau:
doc-period-h-reporting = I. TÌNH HÌNH BÁO CÁO
doc-period-reporting = Có { $units } đơn vị đã gửi bản đăng ký thi đua; { $reported } đơn vị đã báo cáo kết quả{ $late ->
    [0] {""}
   *[other] {" "}(trong đó { $late } đơn vị báo cáo sau hạn { $due })
  }; { $missing } đơn vị chưa báo cáo.
doc-period-missing-named = Các đơn vị chưa báo cáo ({ $count }): { $names }.
doc-period-h-areas = II. KẾT QUẢ THEO NỘI DUNG THI ĐUA
doc-period-rule = Mỗi chỉ tiêu được tính một lần theo mức đạt được so với kế hoạch: chỉ tiêu chưa đến thời hạn được tính là đang thực hiện; chỉ tiêu tỷ lệ lấy số liệu báo cáo gần nhất, không cộng dồn; chỉ tiêu số lượng, giá trị tính lũy kế từ đầu năm.
doc-period-h-groups = III. KẾT QUẢ THEO CỤM, KHỐI THI ĐUA
doc-period-annex-title = KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA { $period } THEO ĐƠN VỊ
doc-late-report = (sau hạn)
doc-not-reported = Chưa báo cáo
doc-col-due = Thời hạn
doc-on-time = Đúng hạn
doc-annex-numbered = PHỤ LỤC { $number }
doc-period-late-named = Các đơn vị báo cáo sau hạn { $due } ({ $count }): { $names }.
doc-period-proposals-missing = Đề nghị Ủy ban nhân dân tỉnh chỉ đạo { $count } đơn vị chưa báo cáo khẩn trương gửi báo cáo kết quả; { $body } tiếp tục đôn đốc, tổng hợp.
doc-period-proposals-not-met = Đề nghị các đơn vị có chỉ tiêu không đạt kế hoạch ({ $count }: { $names }) làm rõ nguyên nhân, có giải pháp khắc phục trong thời gian tới.
doc-period-target-annex-title = KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU THI ĐUA { $period }
doc-col-result = Kết quả
doc-col-percent-of-plan = % kế hoạch
doc-col-verdict = Đánh giá
doc-verdict = { $assessment ->
    [exceeded] Vượt
    [met] Đạt
    [in_progress] Đang thực hiện
    [not_started] Chưa thực hiện
   *[not_met] Không đạt
  }
err-signer-title = "{ $value }" không phải chức vụ người ký; gõ ví dụ GIÁM ĐỐC, hoặc KT. GIÁM ĐỐC | PHÓ GIÁM ĐỐC khi cấp phó ký thay.
err-signer-name = "{ $value }" không phải họ tên; gõ họ tên người ký, ví dụ Nguyễn Văn An.
err-doc-unit-unknown = Không tìm thấy đơn vị "{ $code }" (nhập mã, ví dụ SNV, hoặc tên đơn vị).
err-doc-unit-needed = Cần chọn đơn vị (--unit MÃ).
err-doc-period-needed = Cần chọn kỳ báo cáo (--period MÃ). Các kỳ của phong trào { $movement }: { $periods }
err-doc-kind = Loại văn bản "{ $kind }" không có: chọn registration, summary, period, minutes, submission, scores hoặc proposals.
cli-help-document = Văn bản của Ban (.docx, thể thức Nghị định 30/2020): bản đăng ký của một đơn vị, báo cáo tổng hợp đăng ký, báo cáo kết quả một kỳ; cuối năm: biên bản bình xét, tờ trình, bảng điểm của một cụm, khối (minutes, submission, scores --cluster MÃ), tổng hợp đề nghị khen thưởng (proposals)
cli-option-document-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-option-document-unit = registration: mã hoặc tên đơn vị (ví dụ SNV)
cli-option-document-period = period: mã kỳ báo cáo (ví dụ H2020-1, Y2020)
cli-option-document-out = Thư mục ghi tệp (mặc định ./exports)
cli-help-chart = Một biểu đồ (PNG): registration: đăng ký theo cụm, khối (--timeline: tiến độ gửi theo ngày tới hạn); period: báo cáo một kỳ theo cụm, khối (--targets: chỉ tiêu theo nội dung và kết quả)
cli-option-chart-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-option-chart-period = period: mã kỳ báo cáo (ví dụ H2020-1, Y2020)
cli-option-chart-cluster = Chỉ một cụm/khối (mã, ví dụ CUM1)
cli-option-chart-timeline = registration: tiến độ gửi bản đăng ký theo ngày, tới hạn đăng ký
cli-option-chart-targets = period: chỉ tiêu theo nội dung thi đua và kết quả
cli-option-chart-out = Tệp PNG ghi ra (mặc định: thư mục exports cạnh cơ sở dữ liệu)
err-chart-kind = Biểu đồ "{ $kind }" không có: chọn registration hoặc period.
err-chart-out-png = tệp ghi ra phải có đuôi .png
err-chart-timeline-registration = chỉ dùng với biểu đồ registration
err-chart-targets-period = chỉ dùng với biểu đồ period
err-chart-period-option = chỉ dùng với biểu đồ period
cli-chart-too-few = Không vẽ biểu đồ: chỉ có { $units } đơn vị (cần ít nhất 2).
cli-help-board = Xem hoặc sửa cơ quan ban hành và người ký các văn bản của Ban (để trống một giá trị để dùng mặc định)
cli-option-board-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-option-board-parent = Cơ quan chủ quản ở tiêu đề, ví dụ "UBND TỈNH NAM ĐỊNH"
cli-option-board-body = Cơ quan ban hành ở tiêu đề, ví dụ "SỞ NỘI VỤ"
cli-option-board-body-name = Tên cơ quan trong câu văn, ví dụ "Sở Nội vụ"
cli-option-board-abbreviation = Chữ viết tắt trong số, ký hiệu (Số: …/BC-SNV), ví dụ SNV
cli-option-board-place = Địa danh trước ngày tháng, ví dụ "Nam Định"
cli-option-board-signer-title = Chức vụ người ký, ví dụ "GIÁM ĐỐC" hoặc "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC"
cli-option-board-signer = Họ tên người ký
cli-option-board-recipients = Nơi nhận của báo cáo gửi UBND tỉnh, ngăn cách bằng "|"
cli-option-board-proposals = Đề xuất, kiến nghị của Ban in ở mục IV các báo cáo gửi UBND tỉnh, mỗi đoạn ngăn cách bằng "|"
cli-help-signer = Xem hoặc sửa chức vụ, họ tên người ký bản đăng ký của một đơn vị (cán bộ đầu mối sửa trong chat bằng /nguoiky)
cli-option-signer-unit = Mã hoặc tên đơn vị, ví dụ SNV
cli-option-signer-title = Chức vụ người ký, ví dụ "GIÁM ĐỐC" hoặc "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC"
cli-option-signer-name = Họ tên người ký
cli-signer-line = { $unit }: người ký { $title } — { $name }
cli-board-title = Văn bản của Ban, phong trào { $code }:
board-bad-abbreviation = chữ viết tắt chỉ gồm chữ in hoa, chữ số, "-" và "." (ví dụ SNV), tối đa 20 ký tự
config-bad-file-link-secret = cần ít nhất 32 ký tự ngẫu nhiên (ví dụ: openssl rand -base64 32)
zalo-file-link = Tệp { $name } ({ $size }) không gửi thẳng được qua Zalo. Anh/chị tải tại đường link riêng này (dùng được đến { $time } ngày { $date }): { $url }
zalo-file-no-link = Tệp { $name } ({ $size }) không gửi được qua Zalo (Zalo chỉ nhận tệp PDF, Word đến 5 MB). Anh/chị nhận tệp qua Telegram hoặc đề nghị Ban Thi đua - Khen thưởng gửi qua thư điện tử.
doctor-file-links-ok = Tệp Zalo không nhận (bảng tính, CSV, tệp trên 5 MB) được gửi bằng đường link có chữ ký tại { $url }/files/…; máy chủ HTTPS phải chuyển đường dẫn /files/ tới bot.
doctor-file-links-off = PUBLIC_BASE_URL chưa đặt: người dùng Zalo không nhận được bảng tính, CSV và tệp trên 5 MB (Zalo chỉ nhận tệp PDF, Word đến 5 MB). Đặt PUBLIC_BASE_URL là địa chỉ HTTPS công khai của bot.
exp-doc-summary = Báo cáo tổng hợp đăng ký gửi UBND tỉnh (Word)
exp-doc-period = Báo cáo kết quả một kỳ: sơ kết, tổng kết (Word)
exp-doc-registration = Bản đăng ký của một đơn vị (Word)
exp-doc-period-prompt = Báo cáo kết quả kỳ nào?
exp-doc-unit-prompt = Bản đăng ký của đơn vị nào? Nhập mã (ví dụ SNV) hoặc tên đơn vị.
exp-doc-unit-none = Không tìm thấy đơn vị "{ $query }". Nhập mã (ví dụ SNV) hoặc một phần tên đơn vị.
exp-doc-unit-many = Có { $count } đơn vị khớp với "{ $query }": { $examples }. Nhập mã đơn vị.
export-period-help = Chọn kỳ: quý, 6 tháng (sơ kết), năm (tổng kết). Báo cáo đánh giá các chỉ tiêu đến hết kỳ đó.
export-unit-help = Nhập mã đơn vị (ví dụ SNV, HHH) hoặc một phần tên (ví dụ "hai hau"). /huy để thôi.
doc-started = Đang soạn { $kind ->
    [registration] bản đăng ký của { $name }
    [period] báo cáo kết quả { $name }
    [minutes] biên bản họp bình xét của { $name }
    [submission] tờ trình đề nghị khen thưởng của { $name }
    [scores] bảng tổng hợp điểm của { $name }
    [proposals] báo cáo tổng hợp đề nghị khen thưởng
   *[summary] báo cáo tổng hợp đăng ký
  }… Tệp Word sẽ được gửi vào đây khi xong.
doc-ready = 📄 { $kind ->
    [registration] Bản đăng ký thi đua: in, trình thủ trưởng đơn vị ký, đóng dấu rồi gửi Ban Thi đua - Khen thưởng.
    [period] Báo cáo kết quả thực hiện chỉ tiêu thi đua (dự thảo để trình ký).
    [minutes] Biên bản họp bình xét (dự thảo để trình ký): số phiếu, tỷ lệ trên tổng số thành viên lấy từ kết quả bình xét đã kết thúc.
    [submission] Tờ trình đề nghị khen thưởng của cụm, khối (dự thảo để trình ký).
    [scores] Bảng tổng hợp kết quả chấm điểm của cụm, khối.
    [proposals] Báo cáo tổng hợp đề nghị khen thưởng trình Hội đồng (dự thảo để trình ký).
   *[summary] Báo cáo tổng hợp đăng ký thi đua (dự thảo để trình ký).
  }
reg-download-form = Tải bản đăng ký để trình ký
signer-title-prompt-first = Trước khi soạn bản đăng ký để trình ký: ai ký bản đăng ký của { $unit }? Chọn chức vụ người ký, hoặc gõ chức vụ khác (cấp phó ký thay: KT. GIÁM ĐỐC | PHÓ GIÁM ĐỐC). Chỉ hỏi lần này; sửa sau bằng /nguoiky.
signer-title-prompt = Chức vụ người ký bản đăng ký của { $unit }{ $known ->
    [yes] {" "}(hiện là: { $current })
   *[no] {""}
  }: chọn, hoặc gõ chức vụ khác (cấp phó ký thay: KT. GIÁM ĐỐC | PHÓ GIÁM ĐỐC).
signer-name-prompt = Họ và tên người ký ({ $title })? Ví dụ: Nguyễn Văn An.
signer-saved = ✔ Đã lưu người ký: { $title } — { $name }. Các bản đăng ký sau in sẵn chức vụ và họ tên này; sửa bằng /nguoiky.
signer-director = GIÁM ĐỐC
signer-deputy-director = KT. GIÁM ĐỐC | PHÓ GIÁM ĐỐC
signer-chair = CHỦ TỊCH
signer-deputy-chair = KT. CHỦ TỊCH | PHÓ CHỦ TỊCH
signer-head = TRƯỞNG BAN
signer-title-help = Chọn chức vụ người ký, hoặc gõ chức vụ như in trên văn bản, ví dụ GIÁM ĐỐC; cấp phó ký thay thì gõ hai dòng ngăn cách bằng "|": KT. GIÁM ĐỐC | PHÓ GIÁM ĐỐC.
signer-name-help = Gõ họ và tên người ký như in dưới chữ ký, ví dụ Nguyễn Văn An.
tg-cmd-signer = Người ký bản đăng ký (chức vụ, họ tên)
tg-cmd-regform = Tải bản đăng ký (Word) để trình ký

## Reminders

rem-title = ⏰ Nhắc việc — { $movement }
rem-when = { $when ->
    [future] còn { $days } ngày
    [today] hôm nay là hạn cuối
   *[past] đã quá hạn { $days } ngày
  }
rem-reg-none = • { $unit } chưa đăng ký chỉ tiêu thi đua.
rem-reg-draft = • { $unit } có bản đăng ký ({ $targets } chỉ tiêu) đang soạn nhưng chưa gửi.
rem-reg-returned = • Bản đăng ký của { $unit } bị trả lại ngày { $date }, cần sửa và gửi lại.
rem-reg-reason = {"  "}Lý do trả lại: { $reason }
rem-reg-deadline = {"  "}Hạn đăng ký: { $deadline } ({ rem-when }).
rem-report = • { $unit } chưa báo cáo kết quả { $period } ({ $targets } chỉ tiêu); hạn { $due } ({ rem-when }).
rem-footer-register = Bấm "Đăng ký chỉ tiêu" bên dưới để làm ngay.
rem-footer-report = Bấm "Báo cáo kết quả" bên dưới để làm ngay.
rem-footer-both = Bấm nút bên dưới để làm ngay.
rem-missing-registration = { $state ->
    [none] chưa đăng ký chỉ tiêu
    [draft] chưa gửi bản đăng ký
   *[returned] bản đăng ký bị trả lại chưa gửi lại
  }
rem-missing-report = chưa báo cáo { $period }
rem-escalation-title = 📋 { $group } — { $movement }: { $count } đơn vị đã được nhắc nhiều lần nhưng vẫn chưa hoàn thành. Đề nghị { $groupKind ->
    [cum] Cụm trưởng
   *[khoi] Khối trưởng
  } đôn đốc:
rem-escalation-unit = • { $unit }: { $missing } (đã nhắc { $count } lần)
rem-digest-title = 📊 Tình hình gửi bản đăng ký và báo cáo — { $movement } — { $date }
rem-digest-registration = 📝 Bản đăng ký (hạn { $deadline }): { $count } đơn vị quá hạn chưa gửi.
rem-digest-period = 📊 Báo cáo { $period } (hạn { $due }, { $when ->
    [future] còn { $days } ngày
    [today] hôm nay là hạn cuối
   *[past] đã quá hạn { $days } ngày
  }): { $sent }/{ $units } đơn vị đã gửi; { $count } đơn vị chưa gửi.
rem-digest-unit-name = • { $unit }
rem-digest-more = … và { $count } đơn vị khác.
rem-digest-group = { $group } ({ $count }):
rem-digest-no-group = Chưa thuộc cụm/khối ({ $count }):
rem-digest-unit = • { $unit }: { $missing }
bc-header = 📢 Thông báo của Ban Thi đua - Khen thưởng
err-reminder-bad-escalate = Số lần nhắc trước khi báo Cụm/Khối trưởng phải là số nguyên từ 1 đến { $max }.
err-reminder-bad-cron = Lịch "{ $cron }" không dùng được: cần đúng 5 trường "phút giờ ngày tháng thứ" với một giá trị phút (nhắc nhiều nhất mỗi giờ một lần), ví dụ "0 8 * * 1" là 8 giờ sáng thứ Hai.
err-reminder-digest-escalate = Bản tổng hợp gửi quản trị không kèm việc báo Cụm/Khối trưởng.
err-reminder-bad-kind = Loại quy tắc "{ $kind }" không hợp lệ (registration, period, cron, dossier hoặc score).
err-reminder-bad-offset = Số ngày so với hạn phải là số nguyên từ -{ $max } đến { $max } (số âm là trước hạn).
err-reminder-bad-time = Giờ gửi "{ $time }" không hợp lệ; ghi dạng HH:MM, ví dụ 08:00.
err-reminder-cron-on-deadline = Quy tắc theo hạn tính theo số ngày, không dùng lịch cron.
err-reminder-bad-subject = Quy tắc theo hạn không nhận nội dung "{ $subject }".
err-reminder-duplicate = Đã có quy tắc giống hệt (#{ $id }); có thể tạm dừng hoặc chạy lại quy tắc đó.
err-reminder-unknown = Không có quy tắc nhắc việc #{ $id }.
err-broadcast-empty = Nội dung thông báo đang để trống.
err-broadcast-too-long = Nội dung thông báo dài { $length } ký tự, quá giới hạn { $max } ký tự.
err-broadcast-bad-audience = Đối tượng "{ $audience }" không hợp lệ: all, unsent, report-missing:MÃ KỲ, report-sent:MÃ KỲ, group:MÃ hoặc kind:LOẠI.
err-broadcast-unknown-period = Không có kỳ báo cáo mã "{ $code }" trong phong trào.
err-broadcast-unknown-group = Không có cụm/khối mã "{ $code }" trong phong trào.
err-broadcast-unknown-kind = Không có đơn vị nào thuộc loại "{ $kind }".
err-broadcast-unknown = Không có thông báo #{ $id }.
err-broadcast-not-draft = Thông báo #{ $id } đã gửi hoặc đã hủy, không xác nhận lại được.
cli-help-reminders = Quy tắc nhắc việc: list (xem), add (thêm), pause/resume <số> (tạm dừng/chạy lại), defaults (tạo bộ mặc định)
cli-help-broadcast = Gửi thông báo tới nhiều đơn vị: xem trước, thêm --yes để gửi; --report <số> xem kết quả gửi
cli-option-reminders-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-option-reminders-kind = add: registration (theo hạn đăng ký), period (theo hạn báo cáo từng kỳ), cron (theo lịch), dossier (theo hạn nộp hồ sơ khen thưởng) hoặc score (theo hạn tự chấm điểm)
cli-option-reminders-offset = add: số ngày so với hạn; trước hạn ghi số âm dạng --offset=-7, đúng hạn 0, quá hạn số dương
cli-option-reminders-at = add: giờ gửi HH:MM (mặc định 08:00)
cli-option-reminders-cron = add: lịch cron "phút giờ ngày tháng thứ", ví dụ "0 8 * * 1" (8 giờ sáng thứ Hai)
cli-option-reminders-subject = add, với lịch cron: registration, report, any (mặc định: mọi việc còn nợ) hoặc digest (tổng hợp đơn vị quá hạn chưa nộp, gửi quản trị)
cli-option-reminders-escalate-after = add: báo Cụm/Khối trưởng khi đơn vị đã bỏ qua chừng này lần nhắc
cli-option-reminders-label = add: ghi chú cho quy tắc
cli-option-broadcast-text = Nội dung thông báo
cli-option-broadcast-audience = all (mặc định: mọi đơn vị), unsent (đơn vị chưa gửi bản đăng ký), report-missing:MÃ KỲ (đơn vị chưa gửi báo cáo kỳ đó, ví dụ report-missing:H2020-1), report-sent:MÃ KỲ (đơn vị đã gửi báo cáo kỳ đó), group:MÃ (một cụm/khối), kind:LOẠI (một loại đơn vị, ví dụ kind:huyen)
cli-option-broadcast-yes = Gửi thật (không có tùy chọn này: chỉ xem trước)
cli-option-broadcast-report = Xem kết quả gửi của thông báo số …
cli-option-broadcast-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-reminders-usage = Cách dùng: thidua reminders list | add --kind … | pause <số> | resume <số> | defaults
cli-reminders-bad-number = "{ $value }" không phải số nguyên hợp lệ cho { $option }.
cli-reminders-missing-id = Thiếu số của quy tắc: thidua reminders { $action } <số> (xem các số bằng thidua reminders list).
cli-reminders-bad-kind = Loại quy tắc "{ $value }" không hợp lệ: --kind registration, period, cron, dossier hoặc score.
cli-reminders-bad-subject = Nội dung nhắc "{ $value }" không hợp lệ. Chọn một trong: { $subjects }
cli-reminders-none = Phong trào { $code } chưa có quy tắc nhắc việc nào. Tạo bộ mặc định: thidua reminders defaults
cli-reminders-title = Quy tắc nhắc việc của { $code } ({ $count } quy tắc, giờ { $tz }). Lần nhắc rơi vào giờ nghỉ, cuối tuần, ngày lễ, Tết được lùi tới lúc được phép kế tiếp:
cli-reminders-line = {"  "}#{ $id } { $what } — { $paused ->
    [yes] tạm dừng
   *[no] lần tới: { $next }
  }
cli-reminder-what-registration = Đăng ký: { $dir ->
    [before] { $days } ngày trước hạn
    [after] { $days } ngày sau hạn
   *[on] đúng ngày hạn
  }, lúc { $at }
cli-reminder-what-period = Báo cáo: { $dir ->
    [before] { $days } ngày trước hạn
    [after] { $days } ngày sau hạn
   *[on] đúng ngày hạn
  } của mỗi kỳ, lúc { $at }
cli-reminder-what-cron = Lịch "{ $cron }": { $subject ->
    [registration] nhắc đăng ký
    [report] nhắc báo cáo
    [digest] tổng hợp đơn vị quá hạn chưa nộp, gửi quản trị
   *[any] nhắc mọi việc còn nợ
  }
cli-reminder-escalate = ; báo Cụm/Khối trưởng khi đơn vị bỏ qua { $count } lần nhắc
cli-reminder-next = Lần gửi tới: { $when }
cli-reminder-next-none = không còn lần nào
cli-reminder-added = Đã thêm quy tắc #{ $id }: { $what }
cli-reminder-paused = Đã tạm dừng quy tắc #{ $id }.
cli-reminder-resumed = Đã chạy lại quy tắc #{ $id }; các lần nhắc rơi vào lúc tạm dừng không gửi bù.
cli-reminders-defaults = Đã tạo { $count } quy tắc mặc định cho { $code } (quy tắc đã có được giữ nguyên).
cli-broadcast-missing-text = Thiếu nội dung: thidua broadcast --text "…"
cli-broadcast-audience = { $kind ->
    [all] mọi đơn vị
    [unsent] các đơn vị chưa gửi bản đăng ký
    [overdue] các đơn vị quá hạn chưa nộp
    [report-missing] các đơn vị chưa gửi báo cáo { $name }
    [report-sent] các đơn vị đã gửi báo cáo { $name }
    [group] { $name }
   *[kind] các đơn vị loại { $name }
  }
cli-broadcast-preview = Xem trước: gửi tới { $units } đơn vị ({ $audience }); đến được { $reached } đơn vị ({ $count } người); { $unreached } đơn vị chưa có ai liên kết tài khoản, { $noAccount } người chưa liên kết tài khoản nhắn tin nên sẽ không nhận được.
cli-broadcast-recipient = {"  "}{ $name } — { $unit } · { $channel ->
    [telegram] Telegram
    [zalo] Zalo
    [zalobot] Zalo Bot
    [zns] ZNS
    [console] terminal
   *[none] chưa liên kết
  }
cli-broadcast-more = {"  "}… và { $count } người khác
cli-broadcast-confirm-hint = Chưa gửi gì. Chạy lại với --yes để gửi.
cli-broadcast-queued = Đã xếp thông báo #{ $id } vào hàng gửi tới { $count } người; bot đang chạy chuyển dần theo giới hạn của Telegram/Zalo. Xem kết quả: thidua broadcast --report { $id }
cli-broadcast-report = Thông báo #{ $id } ({ $audience }): { $total } người — đã gửi { $sent }, đang chờ { $pending }, lỗi { $failed }, không liên lạc được { $unreachable }.
cli-broadcast-problem = {"  "}{ $name } — { $unit }: { $status ->
    [failed] lỗi
   *[unreachable] không liên lạc được
  } ({ $error })
cli-broadcast-nobody = Không có ai thuộc đối tượng "{ $audience }"; không gửi gì.

## Biểu đồ / Charts (PNG; the renderer in src/charts/)

chart-as-of = Số liệu đến ngày { $date }
chart-units = Số đơn vị
chart-targets = Số chỉ tiêu
chart-group = Cụm, khối
chart-area = Nội dung thi đua
chart-no-group = (chưa thuộc cụm/khối)
chart-registration-title = Tiến độ gửi bản đăng ký thi đua: { $movement }
chart-registration-subtitle = { $sent }/{ $units } đơn vị đã gửi · hạn đăng ký { $deadline } · số liệu đến ngày { $date }
chart-registration-day = Ngày
chart-registration-per-day = Gửi trong ngày (cột)
chart-registration-cumulative = Lũy kế đã gửi (đường)
chart-registration-deadline = Hạn { $deadline }
chart-registration-all-units = Tổng số { $units } đơn vị
chart-status-title = Tình hình đăng ký theo cụm, khối: { $movement }
chart-status-legend = Trạng thái
chart-period-title = Báo cáo { $period } theo cụm, khối
chart-period-subtitle = Hạn báo cáo { $due } · số liệu đến ngày { $date }
chart-period-legend = Tình hình gửi báo cáo
chart-period-state = { $state ->
    [on_time] Đúng hạn
    [late] Trễ hạn
    [overdue] Quá hạn chưa gửi
   *[not_due] Chưa đến hạn
  }
chart-outcome-title = Kết quả thực hiện chỉ tiêu theo nội dung thi đua{ $period ->
    [none] {""}
   *[other] : { $period }
  }
chart-outcome-subtitle = { $units } đơn vị · số liệu đến ngày { $date }
chart-outcome-legend = Kết quả
chart-outcome = { $outcome ->
    [exceeded] Vượt
    [met] Đạt
    [in_progress] Đang thực hiện
    [not_met] Không đạt
   *[not_reported] Chưa báo cáo
  }

## Tình trạng hoạt động (GET /health, thidua doctor)

health-database-unwritable = Cơ sở dữ liệu không ghi được ({ $error }). Kiểm tra ổ đĩa còn chỗ trống, quyền ghi vào thư mục dữ liệu, và không có chương trình nào khác đang giữ khóa tệp.
health-database-busy = Tạm chậm: cơ sở dữ liệu đang bận vì một chương trình khác giữ khóa ghi ({ $error }). Tin nhắn đến chờ và được xử lý ngay khi khóa được nhả; không mất tin nào. Nếu kéo dài, xem chương trình nào đang mở tệp (lệnh nhập, sao lưu, công cụ xem SQLite).
health-disk-low = Ổ đĩa chứa cơ sở dữ liệu chỉ còn { $free } MB trống. Hãy giải phóng chỗ (xóa bản sao lưu cũ, tệp xuất cũ, nhật ký) trước khi bot ngừng lưu được tin nhắn.
health-messenger-token-refused = { $messenger ->
    [zalo] Zalo
    [zalobot] Zalo Bot
   *[telegram] Telegram
  } từ chối mã truy cập của bot từ { $since } ({ $error }). { $messenger ->
    [zalo] Lấy cặp mã mới ở trang Zalo for Developers rồi chạy: npx thidua zalo-tokens --access … --refresh …
    [zalobot] Lấy mã mới của bot trong Zalo Bot Creator, đặt vào ZALO_BOT_TOKEN rồi khởi động lại bot.
   *[telegram] Mã có thể đã bị thu hồi: lấy mã mới từ @BotFather, đặt vào TELEGRAM_BOT_TOKEN rồi khởi động lại bot.
  }
health-messenger-unreachable = Không gọi được { $messenger ->
    [zalo] Zalo
    [zalobot] Zalo Bot
   *[telegram] Telegram
  } từ { $since } ({ $error }). Kiểm tra kết nối Internet và tường lửa của máy chủ.
health-messenger-never-reached = Chưa gọi được { $messenger ->
    [zalo] Zalo
    [zalobot] Zalo Bot
   *[telegram] Telegram
  } lần nào ({ $error }). Kiểm tra kết nối Internet và tường lửa của máy chủ.
health-outbox-stuck = { $waiting } tin nhắn đến hạn mà chưa gửi được, tin cũ nhất từ { $since }. Xem nhật ký của bot để biết lý do.
health-inbound-failing = { $failed } tin nhắn đến bị lỗi khi xử lý, lần gần nhất lúc { $last }. Xem danh sách: npx thidua inbound --failed; xử lý lại: npx thidua inbound --retry
health-backup-failed = Lần sao lưu lúc { $at } không thành công ({ $error }). Kiểm tra thư mục BACKUP_DIR có ghi được và còn chỗ trống.
health-zalo-account-problem = Tài khoản { $channel ->
    [zns] ZNS
   *[zalo] Zalo OA
  } của Ban có sự cố từ { $since } (mã { $code }: { $error }): tin nhắn qua đó đang chờ hoặc đi kênh khác, không ai bị coi là không liên lạc được. Kiểm tra số dư, gói dịch vụ, mẫu ZNS và mã truy cập ở trang quản trị Zalo; sự cố tự hết khi có tin gửi được.
late-nobody = chưa có người nhận tin
late-contact-phone = { $name } ({ $phone })
late-nobody-count = { $count } đơn vị chưa có người nhận tin (chưa có cán bộ đầu mối liên kết tài khoản): cần liên hệ trực tiếp.
# Sent once to each admin when the Zalo account itself (not a person) stops a message.
zalo-account-problem = ⚠️ Tài khoản { $channel ->
    [zns] ZNS
   *[zalo] Zalo OA
  } của Ban đang gặp sự cố (mã { $code }: { $error }). Tin nhắc việc không bị mất: tin chờ gửi lại hoặc đi qua kênh khác, và không ai bị coi là không liên lạc được. Anh/chị kiểm tra số dư, gói dịch vụ, mẫu ZNS và mã truy cập ở trang quản trị Zalo. Chỉ báo một lần cho tới khi sự cố hết.
# /ngungzns (/nozns): withdrawing the consent to ZNS reminders; the Zalo form's answer (user_submit_info).
zns-off-done = Đã thôi nhắc việc qua tin ZNS. Số điện thoại của anh/chị chỉ còn để Ban gọi điện khi cần.
zns-off-none = Anh/chị chưa đồng ý nhận tin nhắc ZNS nên không có gì để thôi.
zns-form-not-linked = Ban chưa lưu được số điện thoại vì tài khoản Zalo này chưa liên kết. Hãy gửi mã mời do Ban cấp trước, ví dụ: /start ABCDE-1234567

## The year's end (scoring, bình xét)

err-score-unknown-criterion = Bảng điểm không có tiêu chí mã { $code }.
err-score-out-of-range = Điểm tiêu chí { $code } phải từ 0 đến { $max }.
err-score-already-sent = Bảng tự chấm đã gửi Cụm trưởng, không sửa được nữa; nếu cần điều chỉnh, đề nghị Cụm trưởng điều chỉnh kèm lý do.
err-score-incomplete = Còn tiêu chí chưa chấm điểm; chấm đủ các tiêu chí rồi mới gửi được.
err-score-not-sent = Đơn vị chưa gửi bảng tự chấm.
err-not-your-cluster = Đơn vị này không thuộc cụm/khối của bạn.
err-adjust-needs-reason = Điều chỉnh điểm cần ghi rõ lý do.
err-vote-no-candidate = Cuộc bình xét cần ít nhất một đơn vị được đề nghị.
err-vote-candidate-not-member = Đơn vị được đề nghị phải là thành viên của cụm/khối.
err-vote-candidate-twice = Một đơn vị được nêu hai lần trong danh sách đề nghị.
err-vote-closed = Cuộc bình xét đã kết thúc.
err-vote-not-candidate = Đơn vị này không có trong danh sách bình xét.
err-vote-already = Đơn vị đã bỏ phiếu cho đơn vị này rồi; mỗi đơn vị chỉ bỏ một phiếu.
err-vote-head-only = Chỉ Cụm trưởng/Khối trưởng mới làm được việc này.
err-vote-opinion-needs-note = Ý kiến bằng văn bản cần có ghi chú (số văn bản, ngày gửi…).
err-vote-no-quorum = Chưa đủ số thành viên tham gia để kết thúc bình xét trước hạn.
err-vote-secret = Kết quả phiếu chỉ được xem sau khi kết thúc bình xét.

## Year's end: the conditions of a title (domain/year-end/conditions.ts)
cond-rating-excellent = Hoàn thành xuất sắc nhiệm vụ
cond-rating-good = Hoàn thành tốt nhiệm vụ trở lên
cond-all-members-complete = 100% thành viên hoàn thành nhiệm vụ
cond-advanced-70 = Từ 70% thành viên đạt danh hiệu Lao động tiên tiến
cond-emulation-soldier = Có ít nhất 01 Chiến sĩ thi đua cơ sở
cond-no-discipline = Không có thành viên bị kỷ luật từ cảnh cáo trở lên
cond-unity = Nội bộ đoàn kết
cond-no-pending-case = Không đang bị xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo
cond-group-member = Là thành viên của cụm/khối thi đua của tỉnh
cond-leads-group = Dẫn đầu cụm/khối (xếp thứ nhất)
cond-vote-passed = Được cụm/khối bình xét, suy tôn đạt tỷ lệ quy định
cond-targets-exceeded = Hoàn thành vượt mức các chỉ tiêu thi đua
cond-outstanding = Tiêu biểu xuất sắc
cond-two-years-excellent = 02 năm liên tục hoàn thành xuất sắc nhiệm vụ (hoặc Tập thể lao động xuất sắc)
cond-status = { $status ->
    [met] ✅ Đạt
    [not_met] ❌ Chưa đạt
    [people_decide] 👥 Do Hội đồng đánh giá
   *[not_declared] ❔ Chưa kê khai
  }
task-rating = { $rating ->
    [xuat-sac] Hoàn thành xuất sắc nhiệm vụ
    [tot] Hoàn thành tốt nhiệm vụ
    [hoan-thanh] Hoàn thành nhiệm vụ
   *[khong-hoan-thanh] Không hoàn thành nhiệm vụ
  }

## Year's end, part "vote": /binhxet (the bình xét vote) and /denghi (proposals of titles)
tg-cmd-vote = Bình xét, suy tôn trong cụm/khối
help-cmd-vote = { $role ->
    [cluster_head] mở bình xét (Cờ thi đua, Bằng khen), ghi ý kiến bằng văn bản, kết thúc và xem kết quả
    [admin] xem các cuộc bình xét của cụm, khối và kết quả
   *[other] bỏ phiếu bình xét của cụm/khối, xem kết quả sau khi kết thúc
  }
tg-cmd-propose = Đề nghị khen thưởng cuối năm
help-cmd-propose = { $role ->
    [cluster_head] đề nghị đơn vị được bình xét đạt tỷ lệ, xem điều kiện
    [admin] xem các đề nghị khen thưởng và điều kiện
   *[other] đề nghị danh hiệu tập thể của đơn vị, kê khai điều kiện, rút đề nghị
  }
menu-vote = Bình xét
vote-not-allowed = Chức năng này dành cho cán bộ của đơn vị thành viên cụm/khối và Ban Thi đua - Khen thưởng.
vote-no-group = Đơn vị của anh/chị không thuộc cụm/khối thi đua nào nên không có cuộc bình xét.
vote-none = Chưa có cuộc bình xét nào.
vote-list = Các cuộc bình xét ({ $count }). Chọn một cuộc để xem hoặc bỏ phiếu.
vote-list-help = Chọn cuộc bình xét cần xem, hoặc mở cuộc bình xét mới (Cụm trưởng/Khối trưởng).
vote-open-button = ➕ Mở bình xét { $title }
vote-list-button = { $title } ({ $closed ->
    [yes] đã kết thúc
   *[no] đang bỏ phiếu
  })
vote-rank-line = { $rank }. { $unit } — { $total } điểm{ $tied ->
    [yes] {" "}⚖ bằng điểm
   *[no] {""}
  }
vote-tie-note = ⚖ Có đơn vị bằng điểm. Theo { $source }, khi bằng nhau ưu tiên nữ hoặc tập thể có từ 70% nữ trở lên: do Cụm quyết định, hệ thống không tự áp dụng.
vote-tied-at-edge = ⚠️ Bằng điểm ở vị trí cuối của chỉ tiêu đề nghị: { $units }. Cụm trưởng chọn đơn vị đưa ra bình xét.
vote-candidates-intro = Mở bình xét { $title }. Chỉ tiêu đề nghị: { $quota } đơn vị. Xếp hạng theo bảng điểm:
vote-candidates-chosen = Danh sách đưa ra bình xét ({ $count }): { $units }
    Bấm tên đơn vị để thêm hoặc bỏ, rồi bấm "Tiếp tục".
vote-candidates-help = Bấm tên đơn vị để thêm vào hoặc bỏ khỏi danh sách bình xét; xong bấm "Tiếp tục".
vote-candidates-ok = Tiếp tục ▶
vote-ends-prompt = Hạn cuối bỏ phiếu (ngày/tháng/năm, ví dụ 05/12/2020)? Từ ngày này Cụm trưởng có thể kết thúc bình xét dù chưa đủ số thành viên tham gia.
vote-ends-help = Gõ ngày hạn cuối bỏ phiếu, ví dụ 05/12/2020.
vote-ends-invalid = "{ $value }" không phải ngày hợp lệ. Gõ theo dạng ngày/tháng/năm, ví dụ 05/12/2020.
vote-opened = ✅ Đã mở bình xét; các đơn vị thành viên đã được báo.
vote-heading = 🗳 Bình xét { $title } — { $closed ->
    [yes] đã kết thúc ngày { $closedOn }
   *[no] hạn bỏ phiếu { $endsOn }
  }
    Tham gia: { $present } bỏ phiếu trực tiếp, { $written } ý kiến bằng văn bản / { $members } thành viên (cần { $quorum }: { $quorumMet ->
    [yes] đủ
   *[no] chưa đủ
  }).
vote-candidate-line = • { $unit } (hạng { $rank }, { $total } điểm)
vote-participation = Đã bỏ phiếu đủ: { $done }
    Đang bỏ phiếu: { $partly }
    Chưa tham gia: { $none }
vote-own-title = Phiếu của đơn vị anh/chị:
vote-own-line = • { $unit }: { $choice ->
    [approve] ✅ Đồng ý
    [disapprove] ❌ Không đồng ý
   *[none] — chưa bỏ phiếu
  }
vote-results-title = Kết quả (tỷ lệ trên tổng số thành viên):
vote-result-line = • { $unit }: { $approve }/{ $members } đồng ý ({ $share }), { $disapprove } không đồng ý, { $silent } không có ý kiến — { $passes ->
    [yes] ✅ đạt tỷ lệ { $threshold }
   *[no] ❌ không đạt tỷ lệ { $threshold }
  }
vote-written-line = ✉ Ý kiến bằng văn bản của { $unit }: { $note }
vote-manage-help = Chọn việc cần làm với cuộc bình xét này.
vote-ballot-button = 🗳 Bỏ phiếu
vote-absent-button = ✉ Ghi ý kiến bằng văn bản của thành viên vắng
vote-close-button = 🔒 Kết thúc bình xét
vote-ballot-prompt = Bình xét { $title }: anh/chị có đồng ý đề nghị { $unit } (hạng { $rank }, { $total } điểm)? Mỗi đơn vị bỏ một phiếu; phiếu được giữ kín đến khi kết thúc.
vote-ballot-help = Bấm "Đồng ý" hoặc "Không đồng ý". Phiếu đã bỏ không sửa được.
vote-approve = ✅ Đồng ý
vote-disapprove = ❌ Không đồng ý
vote-no-opinion = Không có ý kiến
vote-ballot-kept = Đã ghi phiếu: { $unit } — { $choice ->
    [approve] đồng ý
   *[disapprove] không đồng ý
  }.
vote-ballot-done = Đơn vị anh/chị đã bỏ phiếu đủ các đơn vị. Kết quả được công bố khi Cụm trưởng kết thúc bình xét.
vote-absent-prompt = Thành viên vắng mặt nào gửi ý kiến bằng văn bản?
vote-absent-help = Chọn đơn vị vắng mặt đã gửi ý kiến bằng văn bản.
vote-opinion-prompt = Ý kiến bằng văn bản của { $absent } về việc đề nghị { $unit }?
vote-opinion-help = Chọn đúng ý kiến ghi trong văn bản của đơn vị vắng mặt.
vote-note-prompt = Ghi chú về văn bản của { $absent } (số, ngày văn bản…):
vote-note-help = Gõ số và ngày văn bản, ví dụ: Công văn số 12/UBND ngày 03/12/2020.
vote-note-expected = Ghi chú cần từ 3 đến 1.000 ký tự: số và ngày văn bản, ví dụ Công văn số 12/UBND ngày 03/12/2020.
vote-opinion-kept = ✅ Đã ghi ý kiến bằng văn bản của { $absent }.
vote-closed = 🔒 Đã kết thúc bình xét; các đơn vị thành viên và Ban đã được báo kết quả.
vote-opened-notice = 🗳 { $group } mở bình xét { $title ->
    [co-thi-dua-ubnd-tinh] Cờ thi đua của UBND tỉnh
   *[other] Bằng khen của Chủ tịch UBND tỉnh
  }. Đơn vị được đưa ra bình xét: { $candidates }. Hạn bỏ phiếu: { $endsOn }. Gõ /binhxet để bỏ phiếu.
vote-closed-notice = 🔒 { $group } đã kết thúc bình xét { $title ->
    [co-thi-dua-ubnd-tinh] Cờ thi đua của UBND tỉnh
   *[other] Bằng khen của Chủ tịch UBND tỉnh
  }. Kết quả:
    { $results }
err-vote-unknown = Không tìm thấy cuộc bình xét này.
err-vote-no-table = Cụm/khối chưa có bảng điểm trong kế hoạch phong trào nên chưa mở được bình xét.
err-vote-ends-past = Hạn bỏ phiếu không được trước hôm nay.
err-vote-open-already = Cụm/khối đang có một cuộc bình xét danh hiệu này chưa kết thúc.
prop-board-heading = Đề nghị khen thưởng: { $count } đề nghị.
prop-board-count = • { $title }: { $count }
prop-board-more = … và { $count } đề nghị khác.
prop-board-document = Điều kiện, điểm, kết quả bình xét và hồ sơ của từng đề nghị có trong văn bản "Tổng hợp đề nghị khen thưởng": /xuat → Văn bản cuối năm.
prop-none = Chưa có đề nghị khen thưởng nào.
prop-list = Các đề nghị ({ $count }). Chọn một đề nghị để xem điều kiện, kê khai hoặc rút.
proposal-list-help = Chọn đề nghị cần xem, hoặc tạo đề nghị mới.
prop-from-vote-button = ➕ Đề nghị { $unit }: { $title }
prop-own-button = ➕ Đơn vị đề nghị { $title }
prop-made = ✅ Đã đề nghị { $title } cho { $unit }.
prop-made-notice = 🏅 { $group } đã đề nghị { $title ->
    [co-thi-dua-ubnd-tinh] Cờ thi đua của UBND tỉnh
   *[other] Bằng khen của Chủ tịch UBND tỉnh
  } cho đơn vị anh/chị. Gõ /denghi để kê khai các điều kiện.
prop-heading = 🏅 { $unit } — { $title }{ $cluster ->
    [yes] {" "}(cụm/khối đề nghị)
   *[no] {" "}(đơn vị tự đề nghị)
  }
    Điều kiện:
prop-condition-line = • { $condition }: { $status } ({ $source }{ $practice ->
    [yes] , theo thực tiễn
   *[no] {""}
  })
prop-people-decide = Hệ thống chỉ đối chiếu điều kiện; việc xét tặng do Hội đồng và Chủ tịch UBND tỉnh quyết định.
proposal-detail-help = Chọn "Kê khai điều kiện" để trả lời từng câu, hoặc "Rút đề nghị".
prop-declare-button = ✍ Kê khai điều kiện
prop-withdraw-button = Rút đề nghị
proposal-declare-help = Trả lời câu hỏi, hoặc bấm "Bỏ qua" nếu chưa kê khai.
prop-ask-rating = Mức độ hoàn thành nhiệm vụ năm nay của đơn vị (do cấp trên đánh giá)?
prop-ask-previous-rating = Mức độ hoàn thành nhiệm vụ năm trước của đơn vị?
prop-ask-completing = Tỷ lệ thành viên hoàn thành nhiệm vụ (%)? Ví dụ 100.
prop-ask-advanced = Tỷ lệ thành viên đạt danh hiệu Lao động tiên tiến (%)? Ví dụ 75,5.
prop-ask-soldiers = Số Chiến sĩ thi đua cơ sở của đơn vị? Ví dụ 2.
prop-ask-disciplined = Năm nay có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên không?
prop-ask-pending = Đơn vị có đang bị xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo không?
prop-yes = Có
prop-share-invalid = "{ $value }" không phải tỷ lệ hợp lệ: gõ một số từ 0 đến 100, ví dụ 75,5.
prop-count-invalid = "{ $value }" không phải số hợp lệ: gõ số nguyên, ví dụ 2.
prop-declared = ✅ Đã lưu kê khai.
prop-withdraw-confirm = Rút đề nghị { $title } của { $unit }?
proposal-withdraw-help = Bấm "Rút đề nghị" để xác nhận, hoặc quay lại.
prop-withdrawn = Đã rút đề nghị.
err-proposal-exists = Đơn vị đã được đề nghị danh hiệu này.
err-proposal-vote-open = Cuộc bình xét chưa kết thúc nên chưa đề nghị được.
err-proposal-not-passed = Đơn vị không đạt tỷ lệ bình xét nên không đề nghị được.
err-proposal-over-quota = Vượt chỉ tiêu đề nghị của cụm/khối ({ $quota } đơn vị).
err-proposal-not-own-title = Đơn vị chỉ tự đề nghị danh hiệu Tập thể lao động xuất sắc hoặc Tập thể lao động tiên tiến.
err-proposal-one-own-title = Đơn vị đã đề nghị một danh hiệu tập thể; rút đề nghị đó trước nếu muốn đổi.
err-proposal-unknown = Không tìm thấy đề nghị này.
err-proposal-not-yours = Đề nghị này không phải của đơn vị hoặc cụm/khối của anh/chị.
err-proposal-withdrawn = Đề nghị đã được rút.
err-proposal-decided = Đề nghị đã có quyết định, không sửa được nữa.
err-proposal-bad-declaration = Nội dung kê khai không hợp lệ.

## Year's end: the self-assessment form (forms/score-form.ts, flows/score-form.ts, cli/commands/score-form.ts)
form-on-its-way-score = Biểu mẫu tự chấm điểm đang được chuẩn bị và sẽ được gửi vào đây ngay.
form-sent-score = 📄 Biểu mẫu tự chấm điểm thi đua. Ghi điểm vào cột "Điểm tự chấm" (điểm lấy từ kết quả năm đã điền sẵn, được đánh dấu), link minh chứng nếu có, rồi gửi lại tệp vào đây.
form-file-not-score = Đây không phải biểu mẫu tự chấm điểm; hãy gửi lại đúng tệp bot đã gửi (Tự chấm điểm).
form-file-is-score = Đây là biểu mẫu tự chấm điểm cuối năm, không dùng ở đây; hãy gửi lại biểu mẫu trợ lý đã gửi cho việc này.
form-col-code = Mã tiêu chí
form-col-criterion = Tiêu chí
form-col-criterion-kind = Loại
form-col-max = Điểm tối đa
form-col-source = Nguồn điểm
form-col-points = Điểm tự chấm
score-form-sheet = Tự chấm điểm
score-form-title = BẢNG TỰ CHẤM ĐIỂM THI ĐUA
score-form-subtitle = Ghi điểm vào cột "Điểm tự chấm" (ví dụ 7,5); không sửa cột "Mã tiêu chí".
score-form-kind = { $kind ->
    [deduction] Điểm trừ
    [bonus] Điểm thưởng
   *[score] Chấm điểm
  }
score-form-from-results = Theo kết quả năm
score-form-total = Tổng điểm (điểm trừ đã trừ)
score-form-help = Bảng tự chấm của { $unit } theo bảng điểm của { $group }. Ghi điểm từng tiêu chí vào cột "Điểm tự chấm", từ 0 đến điểm tối đa, số thập phân dùng dấu phẩy (7,5). Điểm có ghi "Theo kết quả năm" được tính từ kết quả thực hiện chỉ tiêu; giữ nguyên hoặc sửa. Điểm trừ, điểm thưởng không có thì để trống. Cột minh chứng ghi đường link (http://…). Gửi lại tệp vào cuộc trò chuyện; bot đọc, báo lỗi theo dòng nếu có, và hỏi trước khi lưu. Việc gửi bảng điểm cho Cụm trưởng làm trong /chamdiem.
score-form-err-range = "{ $value }" ngoài khoảng cho phép: từ 0 đến { $max } điểm.
score-form-err-no-code = dòng có điểm nhưng không có mã tiêu chí; đừng xóa cột "Mã tiêu chí".
score-form-err-code = "{ $code }" không phải mã tiêu chí nào của bảng điểm; đừng sửa cột "Mã tiêu chí".
score-form-err-code-twice = tiêu chí { $code } đã có ở một dòng phía trên (dòng được sao chép).
score-form-no-points = Tệp không có điểm nào mới để lưu (các ô "Điểm tự chấm" để trống hoặc giữ nguyên điểm lấy từ kết quả năm).
score-form-no-cluster = { $unit } không thuộc cụm, khối nào có bảng chấm điểm trong phong trào này.
score-form-no-registration = Đơn vị chưa có bản đăng ký thi đua năm nay nên chưa dùng được biểu mẫu Excel; hãy tự chấm trong trò chuyện qua /chamdiem.
score-form-no-registration-of = Đơn vị { $unit } chưa có bản đăng ký thi đua trong phong trào này.
score-form-not-allowed = Chỉ cán bộ đầu mối của đơn vị mới tự chấm điểm cho đơn vị.
score-form-wait = Điền biểu mẫu rồi gửi lại tệp .xlsx vào đây.
score-form-stop = Thôi
score-form-send-file = Mời gửi tệp biểu mẫu đã điền (.xlsx), hoặc bấm "Thôi".
score-form-stopped = Đã dừng. Có thể tự chấm trong trò chuyện qua /chamdiem.
score-form-line = • { $code } { $title }: { $points }/{ $max }{ $evidence ->
    [yes] {" "}(có minh chứng)
   *[no] {""}
  }
score-form-counts = Điểm sẽ lưu: { $count } tiêu chí; giữ điểm theo kết quả năm: { $kept }; để trống: { $blank }.
score-form-total-after = Tổng điểm sau khi lưu: { $total }{ $complete ->
    [yes] {""}
   *[no] {" "}(còn tiêu chí chưa chấm)
  }.
score-form-confirm = Lưu điểm tự chấm này? (Chưa gửi Cụm trưởng: việc gửi làm trong /chamdiem.)
score-form-saved = ✔ Đã lưu điểm { $count } tiêu chí. Tổng điểm: { $total }{ $complete ->
    [yes] . Bảng điểm đã đủ; gửi Cụm trưởng trong /chamdiem.
   *[no] {" "}(còn tiêu chí chưa chấm).
  }
cli-import-scores-usage = Cách dùng: thidua import-scores <tệp.xlsx> --unit MÃ [--dry-run]
cli-help-import-scores = Nhập biểu mẫu tự chấm điểm đã điền của một đơn vị
tg-cmd-scoreform = Tự chấm điểm bằng biểu mẫu Excel
help-cmd-scoreform = tự chấm điểm cuối năm bằng biểu mẫu Excel
score-form-form_wait-help = Mở tệp biểu mẫu tự chấm điểm trợ lý vừa gửi, ghi điểm vào cột "Điểm tự chấm" rồi gửi lại tệp (.xlsx) vào đây.
score-form-form_reading-help = Trợ lý đang đọc tệp vừa gửi; kết quả sẽ hiện ngay tại đây.
score-form-confirm-help = "Lưu" ghi các điểm trên vào bảng tự chấm (chưa gửi Cụm trưởng); "Không lưu" bỏ qua tệp, bảng điểm giữ nguyên.

## Year's end: dossiers and the decision (/hoso, /quyetdinh; domain/year-end/dossiers.ts, decisions.ts)
tg-cmd-dossier = Hồ sơ đề nghị khen thưởng
help-cmd-dossier = gửi tài liệu hồ sơ đề nghị khen thưởng; Ban xem bảng tổng hợp hồ sơ
dossier-pick-help = Chọn đề nghị khen thưởng cần nộp hồ sơ.
dossier-items-help = Chọn một tài liệu trong danh mục rồi gửi tệp PDF, DOC hoặc DOCX; tài liệu có ✅ là đã nộp (gửi lại sẽ thay).
dossier-file-help = Gửi tệp dạng tài liệu (không phải ảnh): PDF, DOC hoặc DOCX, tối đa 20 MB.
decision-list-help = Chọn đề nghị để ghi quyết định của Chủ tịch UBND tỉnh.
decision-outcome-help = Chọn "Được khen thưởng" hoặc "Không được khen thưởng" theo quyết định đã ký.
decision-number-help = Gõ số quyết định như in trên văn bản, ví dụ 125/QĐ-UBND.
decision-date-help = Gõ ngày ký quyết định, ví dụ 15/01/2021.
menu-dossier = 📁 Hồ sơ khen thưởng
rem-dossier-title = 📁 Nhắc nộp hồ sơ đề nghị khen thưởng — { $movement }. Hạn nộp: { $deadline } ({ rem-when }).
rem-dossier-line = • { $title } — { $unit }: còn thiếu { $missing }
rem-dossier-what = { $count } hồ sơ đề nghị khen thưởng chưa đủ
cli-reminder-what-dossier = Hồ sơ khen thưởng: { $dir ->
    [before] { $days } ngày trước hạn
    [after] { $days } ngày sau hạn
   *[on] đúng ngày hạn
  } nộp hồ sơ, lúc { $at }
err-reminder-dossier-escalate = Nhắc nộp hồ sơ không chuyển lên Cụm trưởng (người nộp đã được nhắc đích danh): bỏ --escalate.
tg-cmd-decision = Ghi quyết định khen thưởng
help-cmd-decision = ghi quyết định của Chủ tịch UBND tỉnh cho từng đề nghị
dossier-item-to-trinh = Tờ trình đề nghị khen thưởng
dossier-item-bao-cao-thanh-tich = Báo cáo thành tích
dossier-item-bien-ban = { $commendation ->
    [yes] Biên bản họp xét khen thưởng
   *[no] Biên bản họp bình xét (kèm kết quả bỏ phiếu)
  }
dossier-status = { $status ->
    [complete] ✅ Đủ hồ sơ
    [late] ⏰ Đủ hồ sơ, nộp muộn
   *[incomplete] ⬜ Chưa đủ hồ sơ
  }
dos-no-year-end = Phong trào chưa có phần tổng kết cuối năm (hạn nộp hồ sơ, các xác nhận).
dos-none = Chưa có đề nghị khen thưởng nào mà bạn cần nộp hồ sơ.
dos-none-board = Chưa có đề nghị khen thưởng nào.
dos-pick = Có { $count } đề nghị cần nộp hồ sơ. Chọn một đề nghị:
dos-checklist = 📁 Hồ sơ: { $proposal }
    Hạn nộp: { $deadline } · Đã có { $received }/{ $total } · { dossier-status }
dos-line-missing = ⬜ { $item }: chưa nộp
dos-line-received = ✅ { $item }: { $name } ({ $on }){ $late ->
    [yes] {" "}⏰ nộp muộn
   *[no] {""}
  }
dos-items-prompt = Chọn tài liệu để gửi tệp (gửi lại sẽ thay tệp trước trong danh mục; tệp cũ vẫn được lưu).
dos-end = Xong
dos-item-first = Hãy chọn tài liệu trước, rồi gửi tệp.
dos-file-prompt = Gửi tệp { $item } (PDF, DOC hoặc DOCX, tối đa 20 MB).
dos-file-expected = Hãy gửi tệp PDF, DOC hoặc DOCX (gửi dạng tài liệu), hoặc bấm Quay lại.
dos-file-kind = Chỉ nhận tệp PDF, DOC hoặc DOCX gửi dạng tài liệu (không nhận ảnh chụp).
dos-file-taken = 📥 Đã nhận tệp { $name }, đang kiểm tra…
dos-received = ✅ Đã lưu { $item }: { $name }.{ $late ->
    [yes] {" "}⏰ Tệp nộp sau hạn, được ghi nhận là nộp muộn.
   *[no] {""}
  }
    Hồ sơ có { $received }/{ $total } tài liệu. Còn thiếu: { $missing }
dos-file-refused = Không nhận tệp { $name }: { $reason ->
    [too-big] tệp quá 20 MB.
    [empty] tệp rỗng.
    [zip-bomb] tệp nén bất thường.
    [source] không tải được tệp từ nguồn này.
    [not-fetched] không tải được tệp, xin gửi lại.
   *[not-document] nội dung không phải PDF, DOC hay DOCX.
  }
dos-gone = Đề nghị này không còn (đã rút hoặc không thuộc phong trào đang mở); tệp không được lưu vào hồ sơ.
dos-failed = Không xử lý được tệp hồ sơ; xin gửi lại sau ít phút.
dos-table-title = 📊 Hồ sơ đề nghị khen thưởng ({ $count } đề nghị; hạn nộp { $deadline })
dos-table-row = • { $title } · { $group }: { $complete } đủ, { $late } muộn, { $incomplete } chưa đủ
dos-table-open = { dossier-status } — { $proposal }; còn thiếu: { $missing }
dos-table-more = … và { $count } hồ sơ khác
err-dossier-not-found = Không tìm thấy đề nghị này (có thể đã rút).
err-dossier-not-yours = Bạn không phải người nộp hồ sơ cho đề nghị này.
err-dossier-item-unknown = Tài liệu này không có trong danh mục hồ sơ của đề nghị.
err-decision-no-proposal = Không tìm thấy đề nghị này (có thể đã rút).
dec-none = Chưa có đề nghị khen thưởng nào để ghi quyết định.
dec-list = Có { $count } đề nghị, đã ghi quyết định { $decided }. Trang { $page }/{ $pages }. Chọn một đề nghị:
dec-outcome = { $outcome ->
    [awarded] 🏅 Được khen thưởng
   *[not_awarded] ✖ Không được khen thưởng
  }
dec-outcome-prompt = { $proposal }
    Chủ tịch UBND tỉnh đã quyết định thế nào?
dec-number-prompt = Số quyết định (ví dụ: 125/QĐ-UBND):
dec-number-invalid = Số quyết định chưa đúng (tối đa 40 ký tự: chữ, số, "/", "-", "."), ví dụ 125/QĐ-UBND.
dec-date-prompt = Ngày ký quyết định (dd/mm/yyyy):
dec-date-invalid = Ngày chưa đúng; gõ theo dạng dd/mm/yyyy, ví dụ 15/01/2021.
dec-date-future = Ngày ký không thể sau hôm nay ({ $today }).
dec-recorded = Đã ghi: { $title } — { dec-outcome }, Quyết định số { $number } ngày { $on }.{ $told ->
    [yes] {" "}Đã báo cho đơn vị.
   *[no] {""}
  }
dec-notice = 📜 Quyết định số { $number } ngày { $on } của Chủ tịch UBND tỉnh: đơn vị { $outcome ->
    [awarded] được tặng
   *[not_awarded] không được tặng
  } { $title ->
    [co-thi-dua-ubnd-tinh] Cờ thi đua của UBND tỉnh
    [bang-khen-ubnd-tinh] Bằng khen của Chủ tịch UBND tỉnh
    [tap-the-lao-dong-xuat-sac] danh hiệu Tập thể lao động xuất sắc
   *[tap-the-lao-dong-tien-tien] danh hiệu Tập thể lao động tiên tiến
  }.
reg-title-awarded = Đã được tặng { $title }: năm { $years }
cli-help-dossiers = bảng hồ sơ đề nghị khen thưởng: đủ, nộp muộn, chưa đủ
cli-option-dossiers-movement = mã phong trào (mặc định: phong trào đang mở)
cli-dossiers-line = { $unit } · { $title } · { $group }: { dossier-status } ({ $received }/{ $total }){ $hasMissing ->
    [yes] {" "}— thiếu: { $missing }
   *[no] {""}
  }
cli-help-awards = các danh hiệu được khen thưởng theo quyết định đã ghi
cli-option-awards-movement = mã phong trào (mặc định: phong trào đang mở)
cli-option-awards-csv = ghi dạng CSV (Excel tiếng Việt đọc được)
cli-option-awards-out = ghi CSV vào tệp này thay vì màn hình
cli-awards-none = Chưa có danh hiệu nào được ghi là được khen thưởng.
cli-awards-line = { $unit } — { $title }: Quyết định số { $number } ngày { $on }
cli-awards-written = Đã ghi { $count } dòng vào { $path }
awards-col-unit-code = Mã đơn vị
awards-col-unit = Đơn vị
awards-col-title = Danh hiệu
awards-col-group = Cụm/khối
awards-col-number = Số quyết định
awards-col-date = Ngày quyết định

# Issue 24, part "scoring": /chamdiem — the unit's self-assessment, chấm chéo, the cluster head's review.
menu-score = Chấm điểm thi đua
tg-cmd-score = Chấm điểm thi đua cuối năm
help-cmd-score = { $role ->
    [liaison] tự chấm điểm thi đua của đơn vị theo bảng điểm của cụm, khối, gửi Cụm trưởng; chấm chéo khi được phân công
    [cluster_head] xem bảng điểm các thành viên, xếp hạng, điều chỉnh điểm có lý do, phân công chấm chéo
   *[other] xem bảng điểm và xếp hạng của từng cụm, khối (chỉ xem)
  }
score-refused = Chỉ cán bộ đầu mối, Cụm trưởng/Khối trưởng và Ban Thi đua - Khen thưởng dùng được lệnh chấm điểm.
score-no-group = Đơn vị của anh/chị không thuộc cụm, khối thi đua nào có bảng điểm năm nay.
score-not-head = Đơn vị của anh/chị không làm Cụm trưởng/Khối trưởng của cụm, khối nào có bảng điểm năm nay.
score-no-table = Phong trào chưa có bảng điểm cuối năm cho cụm, khối nào.
err-cross-same-unit = Một đơn vị không chấm chéo cho chính mình.
err-cross-not-yours = Việc chấm chéo này không được phân công cho đơn vị của anh/chị.
score-line = • { $code } { $title }: { $kind ->
    [deduction] trừ { $points }
    [bonus] thưởng { $points }
   *[score] { $points }
  }/{ $max }{ $marks }
score-prefilled-mark = (từ kết quả năm)
score-evidence-mark = 📎 { $kind ->
    [link] { $ref }
    [photo] ảnh
   *[other] tệp
  }
score-adjusted-line = ↳ Cụm trưởng điều chỉnh: { $to } — lý do: { $reason }
score-cross-line = ↳ Chấm chéo ({ $scorer }): { $points }
score-state-draft = Chưa gửi Cụm trưởng.
score-state-sent = Đã gửi Cụm trưởng ngày { $date }.
score-total = Tổng điểm: { $total }{ $adjusted ->
    [yes] {" "}(tự chấm { $own }, sau điều chỉnh của Cụm trưởng { $total })
   *[no] {""}
  }{ $complete ->
    [no] {" "}— còn tiêu chí chưa chấm
   *[yes] {""}
  }
score-cross-total = Tổng điểm chấm chéo: { $total }{ $complete ->
    [no] {" "}— còn tiêu chí chưa chấm
   *[yes] {""}
  }
score-cross-sent = Đã gửi Cụm trưởng.
score-home = Chấm điểm thi đua cuối năm — { $group }. Anh/chị chấm bảng nào?
score-home-own = 📝 Bảng tự chấm của đơn vị
score-home-cross = 🔁 Chấm chéo: { $unit }{ $sent ->
    [yes] {" "}(đã gửi)
   *[no] {""}
  }
score-done = Xong
score-closed = Đã đóng bảng điểm. Gõ /chamdiem để mở lại.
score-own-heading = Bảng tự chấm điểm thi đua — { $unit } ({ $group }, bảng điểm { $table })
score-cross-heading = Chấm chéo cho { $unit } ({ $group })
score-pick-prompt = Bấm mã tiêu chí (hoặc gõ mã, ví dụ I.3) để chấm điểm; chấm xong bấm "Gửi Cụm trưởng".
score-pick-expected = Xin bấm hoặc gõ mã một tiêu chí có trong bảng điểm.
score-excel = 📥 Chấm bằng tệp Excel
score-send = 📤 Gửi Cụm trưởng
score-points-prompt = { $code } { $title } — tối đa { $max } điểm{ $kind ->
    [deduction] {" "}(điểm trừ)
    [bonus] {" "}(điểm thưởng)
   *[score] {""}
  }. Hiện tại: { $current }{ $prefilled ->
    [yes] {" "}(tính từ kết quả thực hiện chỉ tiêu năm)
   *[no] {""}
  }.
    Gõ số điểm, ví dụ 7,5:
score-keep = Giữ { $points } điểm
score-points-expected = Xin gõ số điểm, ví dụ 7,5 (dấu phẩy trước phần thập phân).
score-points-saved = ✔ Đã ghi { $code }: { $points } điểm.
score-evidence-prompt = Minh chứng cho tiêu chí { $code }: gửi ảnh, tệp (PDF, Word…) hoặc đường link; hoặc bấm "Không có minh chứng".
score-evidence-none = Không có minh chứng
score-send-prompt = { $cross ->
    [yes] Gửi kết quả chấm chéo ({ $total } điểm) cho Cụm trưởng?
   *[no] Gửi bảng tự chấm ({ $total } điểm) cho Cụm trưởng?
  } Sau khi gửi, đơn vị không sửa được nữa.
score-sent-done = ✔ Đã gửi bảng tự chấm cho Cụm trưởng. Nếu Cụm trưởng điều chỉnh điểm, anh/chị sẽ nhận tin kèm lý do.
score-sent-notice = { $unit } đã gửi bảng tự chấm điểm thi đua ({ $group }): { $total } điểm.
score-cross-sent-done = ✔ Đã gửi kết quả chấm chéo cho Cụm trưởng.
score-cross-sent-notice = { $scorer } đã chấm chéo cho { $unit } ({ $group }): { $total } điểm.
score-pick-group = Xem bảng điểm của cụm, khối nào?
score-board-heading = Bảng điểm thi đua — { $group } (bảng điểm { $table }){ $readOnly ->
    [yes] {" "}· chỉ xem
   *[no] {""}
  }
score-board-ranked = Xếp hạng ({ $count }/{ $members } đơn vị đã gửi bảng tự chấm):
score-board-rank = { $tied ->
    [yes] { $rank }. ⚖
   *[no] { $rank }.
  }
score-board-row = { $code } — { $name }: { $total } điểm{ $adjusted ->
    [yes] {" "}(tự chấm { $own })
   *[no] {""}
  }
score-board-cross = chấm chéo: { $scores }
score-board-none-sent = Chưa đơn vị nào gửi bảng tự chấm.
score-board-tie-note = ⚖ Bằng điểm: trợ lý không tự xếp trên dưới. Theo { $source }, khi có thành tích như nhau thì ưu tiên nữ hoặc tập thể có từ 70% nữ trở lên; Cụm xem xét, quyết định.
score-board-not-sent = Chưa gửi ({ $count } đơn vị), điểm đang chấm:
score-board-prompt = Bấm một đơn vị để xem bảng điểm chi tiết.
score-member-heading = Bảng điểm của { $unit }
score-assign = 🔁 Phân công chấm chéo
score-adjust = ✏️ Điều chỉnh điểm
score-adjust-line-prompt = Điều chỉnh điểm tiêu chí nào?
score-adjust-points-prompt = { $code } { $title } (tối đa { $max } điểm). Gõ số điểm sau điều chỉnh, ví dụ 7,5:
score-adjust-reason-prompt = Lý do điều chỉnh { $code } thành { $points } điểm? (đơn vị sẽ nhận được lý do này)
score-adjust-saved = ✔ Đã điều chỉnh { $code } thành { $points } điểm; đơn vị đã được báo kèm lý do.
score-adjusted-notice = Cụm trưởng ({ $group }) đã điều chỉnh điểm tiêu chí { $code } { $title } của đơn vị: từ { $from } thành { $to } điểm. Lý do: { $reason }. Tổng điểm hiện nay: { $total }.
score-assign-scorer = Đơn vị nào chấm chéo?
score-assign-scored = Chấm chéo cho đơn vị nào?
score-assigned = ✔ Đã phân công { $scorer } chấm chéo cho { $unit }; cán bộ đầu mối của { $scorer } đã được báo.
score-assigned-already = { $scorer } đã được phân công chấm chéo cho { $unit } từ trước.
score-cross-notice = Cụm trưởng ({ $group }) phân công đơn vị anh/chị chấm chéo cho { $unit }. Gõ /chamdiem để chấm.
score-home-help = Chọn bảng tự chấm của đơn vị, hoặc việc chấm chéo Cụm trưởng đã phân công.
score-sheet-help = Bấm mã tiêu chí để chấm điểm (điểm có dấu "từ kết quả năm" được tính từ kết quả thực hiện chỉ tiêu; có thể giữ hoặc sửa). Chấm đủ các tiêu chí rồi bấm "Gửi Cụm trưởng".
score-points-help = Gõ số điểm từ 0 đến mức tối đa của tiêu chí, dùng dấu phẩy cho phần thập phân: 7,5.
score-evidence-help = Gửi ảnh chụp, tệp văn bản hoặc đường link làm minh chứng; không có thì bấm "Không có minh chứng".
score-send-help = Sau khi gửi, chỉ Cụm trưởng điều chỉnh được điểm, và phải ghi lý do.
score-pick-help = Chọn cụm, khối để xem bảng điểm.
score-board-help = Xếp hạng theo tổng điểm sau điều chỉnh của các đơn vị đã gửi; đơn vị bằng điểm có dấu ⚖ để Cụm quyết định.
score-member-help = Điểm đơn vị tự chấm, minh chứng, điều chỉnh của Cụm trưởng và điểm chấm chéo của từng tiêu chí.
score-adjustline-help = Chọn tiêu chí cần điều chỉnh; điểm đơn vị tự chấm vẫn được giữ bên cạnh.
score-adjustpoints-help = Gõ số điểm sau điều chỉnh, từ 0 đến mức tối đa của tiêu chí.
score-adjustreason-help = Lý do được lưu và gửi cho đơn vị (ít nhất 5 ký tự).
score-crossscorer-help = Chọn đơn vị sẽ chấm điểm cho một thành viên khác.
score-crossscored-help = Chọn đơn vị được chấm chéo.

## The year's end in one menu button (flows/year-end-menu.ts)
menu-yearend = 🏅 Tổng kết cuối năm
menu-proposal = Đề nghị khen thưởng
menu-decision = Quyết định khen thưởng
yearend-menu = Tổng kết cuối năm: chấm điểm, bình xét, đề nghị khen thưởng và hồ sơ. Chọn việc cần làm.
yearend-not-allowed = Việc tổng kết cuối năm dành cho cán bộ đầu mối, Cụm trưởng/Khối trưởng và Ban Thi đua - Khen thưởng.
tg-cmd-yearend = Tổng kết cuối năm
help-cmd-yearend = tổng kết cuối năm: chấm điểm, bình xét, đề nghị khen thưởng, hồ sơ

## Year's end: the documents (documents/minutes.ts, submission.ts, scores.ts, proposals.ts; /xuat; `thidua document`)
doc-ye-head-title = TM. { $group } | { $kind ->
    [khoi] KHỐI TRƯỞNG
   *[cum] CỤM TRƯỞNG
  }
doc-ye-council = Hội đồng Thi đua - Khen thưởng tỉnh { $province }
doc-ye-col-total = Tổng điểm
doc-ye-col-rank = Xếp hạng
doc-ye-col-approve = Đồng ý
doc-ye-col-disapprove = Không đồng ý
doc-ye-col-silent = Không có ý kiến
doc-ye-col-share = Tỷ lệ đồng ý trên tổng số thành viên
doc-ye-col-outcome = Kết quả
doc-ye-col-self = Tự chấm
doc-ye-col-final = Sau thẩm định
doc-ye-col-code = Mã
doc-ye-col-criterion = Tiêu chí
doc-ye-col-kind = Loại
doc-ye-col-max = Điểm tối đa
doc-ye-col-title = Danh hiệu, hình thức khen thưởng
doc-ye-col-proposals = Số đề nghị
doc-ye-col-complete = Hồ sơ đầy đủ
doc-ye-col-incomplete = Hồ sơ chưa đầy đủ
doc-ye-col-late = Nộp sau hạn
doc-ye-col-vote = Bình xét
doc-ye-col-conditions = Điều kiện (đối chiếu theo kê khai)
doc-ye-col-dossier = Hồ sơ
doc-ye-share-of = { $approve }/{ $members } ({ $share })
doc-ye-passes = { $passes ->
    [yes] Đạt (≥ { $threshold })
   *[no] Không đạt (< { $threshold })
  }
doc-ye-vote-yes = Đạt tỷ lệ
doc-ye-vote-no = Không đạt tỷ lệ
doc-ye-tied = Đồng hạng
doc-ye-not-sent = chưa gửi bảng điểm
doc-ye-adjusted = Cụm trưởng điều chỉnh điểm
doc-ye-tie-note = Các đơn vị đồng hạng được ghi nhận để cụm xem xét; theo { $source }, khi các tập thể có thành tích như nhau thì ưu tiên tập thể có nữ là người đứng đầu hoặc có từ 70% thành viên là nữ. Việc áp dụng do cuộc họp quyết định.
doc-ye-attendance = Tổng số thành viên: { $members } đơn vị; có mặt và bỏ phiếu: { $present }; có ý kiến bằng văn bản: { $written }; tổng số tham gia { $taking }/{ $members } ({ $share }). Tỷ lệ tham gia tối thiểu { $quorum } (ít nhất { $needed } đơn vị): { $met ->
    [yes] đủ điều kiện tiến hành bình xét.
   *[no] chưa đủ; cuộc bình xét kết thúc vào ngày hết hạn { $endsOn }.
  }
doc-ye-written-heading = Ý kiến bằng văn bản của thành viên vắng mặt:
doc-ye-written-line = { $unit } ({ $note }): đồng ý { $approve }; không đồng ý { $disapprove }.
doc-ye-absent = Thành viên vắng mặt, không có ý kiến ({ $count }): { $names }.
doc-ye-minutes-number-kind = BB
doc-ye-minutes-kind = BIÊN BẢN
doc-ye-minutes-title = Họp bình xét, suy tôn thi đua năm { $year } của { $group }
doc-ye-minutes-opening = Hôm nay, ngày { $date }, { $group } tổ chức họp bình xét, suy tôn các danh hiệu thi đua năm { $year }. Chủ trì: { $head } (đơn vị { $kind ->
    [khoi] Khối trưởng
   *[cum] Cụm trưởng
  }).
doc-ye-minutes-h-members = I. THÀNH PHẦN
doc-ye-minutes-members = { $group } có { $count } đơn vị thành viên. Tình hình tham gia bình xét của từng nội dung được ghi tại mục III.
doc-ye-minutes-h-scores = II. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG
doc-ye-minutes-scores-intro = Kết quả chấm điểm theo Bảng điểm { $table } (điểm tự chấm của đơn vị và điểm sau khi Cụm trưởng thẩm định), xếp hạng theo tổng điểm sau thẩm định:
doc-ye-minutes-h-vote = III. KẾT QUẢ BÌNH XÉT, SUY TÔN
doc-ye-minutes-h-conclusion = IV. KẾT LUẬN
doc-ye-conclusion-pass = Đề nghị { $title } cho { $count } đơn vị đạt tỷ lệ từ { $threshold } tổng số thành viên của { $group } trở lên: { $names }.
doc-ye-conclusion-fail = Không đạt tỷ lệ { $threshold } tổng số thành viên đối với { $title } ({ $count }): { $names }.
doc-ye-conclusion-no-quorum = Bình xét { $title } kết thúc vào ngày hết hạn { $endsOn } khi chưa đủ tỷ lệ thành viên tham gia theo quy định.
doc-ye-minutes-closing = Biên bản được lập thành bản, gửi { $standingBody } kèm hồ sơ đề nghị khen thưởng của { $group }.
doc-ye-secretary = THƯ KÝ
doc-ye-chair = CHỦ TRÌ
doc-ye-submission-number-kind = TTr
doc-ye-submission-kind = TỜ TRÌNH
doc-ye-submission-title = Đề nghị khen thưởng thành tích thi đua năm { $year }
doc-ye-submission-to = Kính gửi: { $council } (qua { $standingBody })
doc-ye-submission-intro = Căn cứ kết quả chấm điểm thi đua năm { $year }{ $hasVote ->
    [yes] {" "}và Biên bản họp bình xét, suy tôn ngày { $date }
   *[no] {""}
  } của { $group }, { $group } kính đề nghị Hội đồng xem xét, trình Chủ tịch Ủy ban nhân dân tỉnh khen thưởng các đơn vị sau:
doc-ye-submission-line = { $title }: { $count } đơn vị
doc-ye-submission-closing = (Có hồ sơ đề nghị khen thưởng kèm theo.) { $group } kính trình { $council } xem xét, quyết định.
doc-ye-submission-recipients =
    Như trên;
    { $standingBody };
    Các đơn vị thành viên;
    Lưu: VT.
doc-ye-scores-number-kind = BĐ
doc-ye-scores-kind = BẢNG TỔNG HỢP
doc-ye-scores-title = Kết quả chấm điểm thi đua năm { $year } của { $group }
doc-ye-scores-criteria = Bảng điểm { $table }: các tiêu chí và điểm tối đa.
doc-ye-scores-results = Điểm của { $members } đơn vị thành viên, xếp theo thứ hạng:
doc-ye-scores-legend = Ghi chú: "*" điểm tính từ kết quả thực hiện chỉ tiêu thi đua trong năm; "a → b": điểm đơn vị tự chấm a, Cụm trưởng điều chỉnh thành b; "=" đồng hạng.
doc-ye-adjustments-heading = Điểm được Cụm trưởng điều chỉnh:
doc-ye-adjustment-line = { $unit }, tiêu chí { $code }: { $from } → { $to }. Lý do: { $reason }
doc-ye-scores-recipients =
    Các đơn vị thành viên;
    Lưu: VT.
doc-ye-criterion-kind = { $kind ->
    [deduction] Điểm trừ
    [bonus] Điểm thưởng
   *[score] Điểm chấm
  }
doc-ye-from-results = { $source ->
    [targets-exceeded] Theo tỷ lệ chỉ tiêu vượt
   *[targets-reached] Theo tỷ lệ chỉ tiêu đạt và vượt
  }
doc-ye-condition = { $condition }: { $status ->
    [met] đạt
    [not_met] chưa đạt
    [people_decide] Hội đồng xem xét
   *[not_declared] chưa kê khai
  }
doc-ye-dossier-item = { $item ->
    [to-trinh] tờ trình
    [bao-cao-thanh-tich] báo cáo thành tích
   *[bien-ban] biên bản
  }
doc-ye-dossier-complete = Đầy đủ
doc-ye-dossier-missing = Còn thiếu: { $items }
doc-ye-dossier-late = Nộp sau hạn
doc-ye-proposals-title = Tổng hợp đề nghị khen thưởng thành tích thi đua năm { $year }
doc-ye-proposals-intro = { $launch }, { $body } tổng hợp đề nghị khen thưởng năm { $year } của các cụm, khối thi đua và các đơn vị{ $hasDeadline ->
    [yes] {" "}(hạn nộp hồ sơ ngày { $deadline })
   *[no] {""}
  }, báo cáo Hội đồng như sau:
doc-ye-proposals-h-totals = I. TỔNG HỢP ĐỀ NGHỊ VÀ HỒ SƠ
doc-ye-proposals-totals = Tổng số { $total } đề nghị; hồ sơ đầy đủ: { $complete }; chưa đầy đủ: { $incomplete }; có tài liệu nộp sau hạn: { $late }. Danh sách từng đơn vị tại các Phụ lục kèm theo.
doc-ye-proposals-h-notes = II. ĐỐI CHIẾU ĐIỀU KIỆN
doc-ye-proposals-notes = Các điều kiện được đối chiếu từ số liệu đơn vị kê khai, kết quả chấm điểm, bình xét của cụm, khối và kết quả thực hiện chỉ tiêu thi đua; các nội dung định tính (tiêu biểu xuất sắc, nội bộ đoàn kết) do Hội đồng xem xét. Việc quyết định khen thưởng thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân tỉnh.
doc-ye-proposals-council = Đề nghị { $council } họp xét ngày { $date }.
doc-ye-proposals-annex-title = DANH SÁCH ĐỀ NGHỊ { $title } NĂM { $year }
exp-doc-yearend = Văn bản cuối năm: biên bản bình xét, tờ trình, bảng điểm, tổng hợp đề nghị (Word)
exp-doc-yearend-prompt = Văn bản cuối năm nào?
export-yearend-help = Chọn văn bản: biên bản họp bình xét, tờ trình, bảng tổng hợp điểm của cụm, khối; Ban Thi đua - Khen thưởng có thêm báo cáo tổng hợp đề nghị khen thưởng. /huy để thôi.
export-cluster-help = Chọn hoặc nhập mã cụm, khối (ví dụ CUM1). /huy để thôi.
exp-doc-minutes = Biên bản họp bình xét của cụm, khối (Word)
exp-doc-submission = Tờ trình đề nghị khen thưởng của cụm, khối (Word)
exp-doc-scores = Bảng tổng hợp điểm thi đua của cụm, khối (Word)
exp-doc-proposals = Tổng hợp đề nghị khen thưởng trình Hội đồng (Word)
exp-doc-cluster-prompt = Văn bản của cụm, khối nào?
cli-option-document-cluster = minutes, submission, scores: mã cụm, khối (ví dụ CUM1)
err-doc-cluster-unknown = Không tìm thấy cụm, khối "{ $code }". Các cụm, khối: { $groups }
err-doc-cluster-needed = Cần chọn cụm, khối (--cluster MÃ). Các cụm, khối: { $groups }
err-doc-cluster-no-table = Cụm, khối { $code } chưa có bảng điểm thi đua trong tệp phong trào.
err-doc-minutes-no-vote = { $group } chưa kết thúc cuộc bình xét nào: chưa lập được biên bản.
err-doc-submission-none = { $group } chưa có đề nghị khen thưởng nào: chưa lập được tờ trình.

## Reminders before the self-assessment date (reminders/score-reminders.ts)
rem-score-text = 📝 Nhắc tự chấm điểm thi đua — { $movement }. { $unit } chưa gửi bảng tự chấm điểm cho Cụm trưởng ({ $group }). Hạn: { $deadline } ({ rem-when }).
rem-score-what = bảng tự chấm điểm thi đua chưa gửi Cụm trưởng
cli-reminder-what-score = Tự chấm điểm: { $dir ->
    [before] { $days } ngày trước hạn
    [after] { $days } ngày sau hạn
   *[on] đúng ngày hạn
  } tự chấm, lúc { $at }
