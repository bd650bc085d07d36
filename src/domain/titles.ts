/** Emulation titles a collective may aim for (labels in locales/, `title-<code>`). */
export const TITLES = [
  'tap-the-lao-dong-tien-tien',
  'tap-the-lao-dong-xuat-sac',
  'giay-khen',
  'bang-khen-ubnd-tinh',
  'co-thi-dua-ubnd-tinh',
  'bang-khen-thu-tuong',
  'co-thi-dua-chinh-phu',
] as const;
export type Title = (typeof TITLES)[number];
