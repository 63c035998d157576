import type { ChecklistAct, ChecklistTemplate, VerificationMethod } from '../checklist';

/**
 * Where the shipped checklists were read. Only what these pages show was copied, word for word
 * (the diacritics as the page has them); the rest of each annex is "de completat" and is typed in
 * by the users from the official text (Monitorul Oficial, partea I bis).
 */
export const SOURCES = {
  ord29: 'legislatie.just.ro/Public/DetaliiDocumentAfis/211004 (Ordinul nr. 29/2019, Monitorul Oficial nr. 121 din 15.02.2019; anexele în Monitorul Oficial nr. 121 bis din 15.02.2019)',
  ord29Annexes: 'servicii-sociale.gov.ro/ro/legislatie-standarde-minime (lista anexelor 1–9)',
  ord29Annex1: 'dgaspc5.ro/wp-content/uploads/2025/03/Anexa-2019-O.29.2019.html (forma consolidată la 04.03.2025, cu modificările aduse prin Ordinul nr. 2143/2022)',
  ord29Annex3: 'monitoruljuridic.ro/act/…-211020.html (textul anexei nr. 3, Monitorul Oficial nr. 121 bis din 15.02.2019)',
  ord29Annex6: 'monitoruljuridic.ro/act/…-211023.html (titlul anexei nr. 6 cu codurile serviciilor, Monitorul Oficial nr. 121 bis din 15.02.2019)',
  ord29Annex9: 'monitoruljuridic.ro/act/…-211026.html (textul anexei nr. 9, Monitorul Oficial nr. 121 bis din 15.02.2019)',
  ord82: 'scribd.com/document/424160957/Ordin-82-2019 (Ordinul nr. 82/2019, Monitorul Oficial nr. 100 din 08.02.2019; anexele în nr. 100 bis)',
  ord27: 'docplayer.ro/145535565 și scribd.com/document/702987142 (Ordinul nr. 27/2019, Monitorul Oficial nr. 160 din 28.02.2019; anexele în nr. 160 bis)',
  ord25: 'scribd.com/document/419704947 și scribd.com/document/438819784 (Ordinul nr. 25/2019, Monitorul Oficial nr. 102 din 11.02.2019; anexele în nr. 102 bis)',
  ord81: 'docplayer.ro/145422747 (Ordinul nr. 81/2019, Monitorul Oficial nr. 111 din 13.02.2019)',
  ord1335: 'sintact.ro, Ordinul nr. 1335/2020, art. 3 (Monitorul Oficial nr. 943/2020, versiunea de la 14.10.2020)',
} as const;

/** Ord. MMJS 29/2019, annex `annex`: the act every adult-services checklist cites. */
export function ord29Annex(annex: number, source: string): ChecklistAct {
  return {
    name: `Ordinul ministrului muncii și justiției sociale nr. 29/2019, anexa nr. ${annex}`,
    source: `${source}; ordinul: ${SOURCES.ord29}`,
    validFrom: '2019-02-15',
  };
}

/** "Ord. MMJS nr. 29/2019, anexa nr. 9, M.I-S1.1": the legal basis printed next to an item. */
export const ord29Basis = (annex: number, code: string): string => `Ord. MMJS nr. 29/2019, anexa nr. ${annex}, ${code}`;

/** The verification methods the app proposes (the orders do not set them; the officer may change them). */
export const METHODS = {
  informare: ['documente', 'observare'] as VerificationMethod[],
};

/** A template none of whose content could be read: its act and service codes only, "de completat". */
export function pendingTemplate(template: Omit<ChecklistTemplate, 'version' | 'kind' | 'modules' | 'status'>): ChecklistTemplate {
  return { ...template, version: 1, kind: 'standarde_minime', modules: [], status: 'de_completat' };
}
