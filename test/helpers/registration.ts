/**
 * One quantitative target of the sample movement, typed answer by answer from "Bước 1." (the
 * content area) to the save, with what the answer to each must show. Every channel takes typed
 * numbers for its choices.
 */
export const ONE_TARGET_TYPED: [line: string, answer: string][] = [
  ['6', 'Bước 2.'],
  ['Tỷ lệ thủ tục hành chính giải quyết đúng hạn', 'Bước 3.'],
  ['1', 'Bước 4/9'],
  ['1', 'Bước 5/9'],
  ['98,5', '✔ Đã ghi: 98,5%'],
  ['1', 'Bước 7/9'],
  ['31/12', '✔ Đã ghi ngày: 31/12/2020'],
  ['Bỏ qua', 'Bước 9/9'],
  ['1', '✔ Đã lưu chỉ tiêu.'],
];
