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
config-bad-telegram-token = không giống mã bot do @BotFather cấp (123456:ABC…)
config-bad-zalo-app-id = phải là mã ứng dụng dạng số
config-got = (đang là "{ $value }")

## Lỗi nghiệp vụ

err-registration-transition = Không thể { review-action } bản đăng ký đang ở trạng thái "{ registration-status }".
err-registration-locked = Bản đăng ký đang ở trạng thái "{ registration-status }" nên không sửa được.
err-registration-empty = Bản đăng ký chưa có chỉ tiêu nào, chưa gửi được.
err-registration-unknown = Không tìm thấy bản đăng ký.
err-return-needs-reason = Cần ghi rõ lý do trả lại để đơn vị biết cần sửa gì.
err-target-needs-plan = Chỉ tiêu định lượng cần có giá trị kế hoạch và chiều so sánh (không thấp hơn / không vượt quá).
err-target-unknown = Không tìm thấy chỉ tiêu này.
err-area-unknown = Nội dung thi đua này không thuộc phong trào.
err-unit-unknown = Không có đơn vị mã "{ $code }".
err-invite-needs-unit = Mã mời cho vai trò { $role } phải gắn với một đơn vị (--unit).
err-movement-unknown = Không có phong trào mã "{ $code }".
err-no-movement = Chưa có phong trào nào đang mở. Hãy nạp một phong trào trước (thidua load-sample hoặc thidua import-movement).

## Kiểm tra tệp phong trào (JSON)

def-bad-date = cần ngày dạng YYYY-MM-DD
def-not-a-date = ngày không có thật trên lịch
def-bad-code = mã chỉ gồm chữ, số và các dấu "-", "_", "."
def-quantitative-needs-plan = chỉ tiêu định lượng cần "measure" và "planned"
def-ends-before-start = ngày kết thúc trước ngày bắt đầu
def-deadline-outside = hạn đăng ký phải nằm trong thời gian của phong trào
def-duplicate = { $what ->
    [area] số thứ tự nội dung bị trùng
    [unit] mã đơn vị bị trùng
    [group] mã cụm/khối bị trùng
   *[period] mã kỳ báo cáo bị trùng
  }
def-member-twice = đơn vị { $unit } đã thuộc { $group }
def-role-not-member = { $unit } không phải thành viên của cụm/khối này
def-no-area = không có nội dung thi đua số { $area }
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
cli-help-status = Xem tình hình đăng ký của phong trào
cli-help-backup = Sao lưu cơ sở dữ liệu ra tệp (kể cả khi bot đang chạy)
cli-option-import-movement-dry-run = Chỉ kiểm tra, không ghi gì
cli-option-import-units-movement = Mã phong trào có các cụm/khối (mặc định: phong trào đang mở)
cli-option-import-units-sheet = Tên trang tính cần đọc (mặc định: trang đầu tiên)
cli-option-import-units-dry-run = Chỉ cho xem sẽ thay đổi gì, không ghi
cli-option-invite-unit = Mã đơn vị, ví dụ SNV
cli-option-invite-role = liaison (mặc định), cluster_head, admin hoặc viewer
cli-option-invite-name = Họ tên người được mời (không bắt buộc)
cli-option-invite-days = Số ngày mã còn hiệu lực (mặc định 14)
cli-option-status-movement = Mã phong trào (mặc định: phong trào đang mở)
cli-migrate-done = Cơ sở dữ liệu { $path } đã sẵn sàng ({ $count } bản nâng cấp đã áp dụng).
cli-file-unreadable = Không đọc được tệp { $path }.
cli-json-syntax = lỗi cú pháp JSON ở cột { $column } ({ $code })
cli-file-refused = Tệp { $path } bị từ chối, không có gì được ghi. { $count } lỗi:
cli-file-problem = {"  "}dòng { $line } [{ $field }]: { $message }
cli-import-valid = Tệp { $path } hợp lệ (chạy thử, chưa ghi gì).
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
cli-status-line = {"  "}{ $label }: { $units } đơn vị — chưa đăng ký { $none }, chưa gửi { $draft }, chờ duyệt { $submitted }, trả lại { $returned }, đã duyệt { $approved }, chậm { $late }
cli-status-late = Chậm ({ $count }): { $units }
cli-backup-done = Đã sao lưu vào { $path } ({ $size } KB), bản sao đã được kiểm tra toàn vẹn.

## Khởi động (npm start)

start-database = Cơ sở dữ liệu: { $path } ({ $count } bản nâng cấp đã áp dụng).
start-movement = Phong trào đang mở: { $code } — { $name }.
start-no-movement = Chưa có phong trào nào. Nạp phong trào mẫu: npm run cli -- load-sample
start-telegram-on = Telegram: đã cấu hình (TELEGRAM_BOT_TOKEN).
start-telegram-off = Telegram: chưa cấu hình (đặt TELEGRAM_BOT_TOKEN để bật).
start-zalo-on = Zalo OA: đã cấu hình (ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY).
start-zalo-off = Zalo OA: chưa cấu hình (đặt ZALO_APP_ID, ZALO_APP_SECRET và ZALO_OA_SECRET_KEY để bật).
start-not-yet = Các cuộc hội thoại chưa có trong phiên bản này; dùng dòng lệnh quản trị: npm run cli -- help
