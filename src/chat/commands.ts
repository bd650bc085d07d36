/** The chat's commands: each under its Vietnamese and English names, and the flow it opens. */
import { fold } from '../util/text.ts';

/** Chat commands, each under its Vietnamese and English names. */
const COMMANDS: Record<string, string> = {
  start: 'start',
  batdau: 'start',
  cancel: 'cancel',
  huy: 'cancel',
  back: 'back',
  quaylai: 'back',
  help: 'help',
  trogiup: 'help',
  lang: 'lang',
  ngonngu: 'lang',
  menu: 'menu',
  register: 'register',
  dangky: 'register',
  report: 'report',
  baocao: 'report',
  myunit: 'myunit',
  donvi: 'myunit',
  status: 'status',
  tinhhinh: 'status',
  review: 'review',
  duyet: 'review',
  late: 'late',
  dondoc: 'late',
  cham: 'late',
  invite: 'invite',
  moi: 'invite',
  export: 'export',
  xuat: 'export',
  regform: 'regform',
  taidangky: 'regform',
  signer: 'signer',
  nguoiky: 'signer',
  broadcast: 'broadcast',
  thongbao: 'broadcast',
  phatsong: 'broadcast',
  ngungzns: 'nozns',
  nozns: 'nozns',
};

/** Which flow a command (or a `go:` button) opens. */
const FLOW_OF_COMMAND: Record<string, string> = {
  start: 'link',
  menu: 'menu',
  register: 'register',
  report: 'report',
  myunit: 'myunit',
  lang: 'language',
  status: 'status',
  review: 'review',
  late: 'late',
  invite: 'invite',
  export: 'export',
  regform: 'regform',
  signer: 'signer',
  broadcast: 'broadcast',
  nozns: 'zns-off',
};

/** The command a typed head names ("/Huỷ", "/start@thidua_bot" alike), if any. */
export const commandNamed = (head: string): string | undefined => COMMANDS[fold(head.split('@')[0] ?? '').replace(/[^a-z]/g, '')];

/** The flow a command opens (every command that is not handled by the core itself opens one). */
export const flowOfCommand = (name: string): string => FLOW_OF_COMMAND[name]!;
