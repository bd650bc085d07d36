/** Every guided conversation the chat core offers. */
import { languageFlow } from './language.ts';
import { linkFlow } from './link.ts';
import { menuFlow } from './menu.ts';
import { myUnitFlow } from './my-unit.ts';
import { registerFlow } from './register.ts';
import { reportFlow } from './report.ts';
import { broadcastFlow } from './broadcast.ts';
import { exportFlow, registrationFormFlow } from './export.ts';
import { inviteFlow } from './invite.ts';
import { signerFlow } from './signer.ts';
import { lateFlow } from './late.ts';
import { reviewFlow } from './review.ts';
import { scoreFlow } from './score.ts';
import { statusFlow } from './status.ts';
import { znsOffFlow } from './zns-off.ts';
import { voteFlow } from './vote.ts';
import { proposalFlow } from './proposal.ts';
import { scoreFormFlow } from './score-form.ts';
import { dossierFlow } from './dossier.ts';
import { decisionFlow } from './decision.ts';
import { yearEndMenuFlow } from './year-end-menu.ts';

export const ALL_FLOWS = [linkFlow, menuFlow, languageFlow, registerFlow, reportFlow, myUnitFlow, statusFlow, reviewFlow, lateFlow, inviteFlow, exportFlow, registrationFormFlow, signerFlow, broadcastFlow, znsOffFlow, scoreFlow, voteFlow, proposalFlow, scoreFormFlow, dossierFlow, decisionFlow, yearEndMenuFlow];
