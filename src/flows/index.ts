/** Every guided conversation the chat core offers. */
import { languageFlow } from './language.ts';
import { linkFlow } from './link.ts';
import { menuFlow } from './menu.ts';
import { myUnitFlow } from './my-unit.ts';
import { registerFlow } from './register.ts';
import { reportFlow } from './report.ts';

export const ALL_FLOWS = [linkFlow, menuFlow, languageFlow, registerFlow, reportFlow, myUnitFlow];
