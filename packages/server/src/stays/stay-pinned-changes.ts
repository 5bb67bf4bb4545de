// The changes to a stay that ask for the PIN: pause ("offline until …"), resume, end ("I am home"), new PINs. A guard
// holding an unlocked phone cannot silence the schedule; done with the duress PIN, each goes through exactly as
// asked and raises an urgent alert. See docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md.
import { applyEvent, type Effect, type StayEvent } from '@homeward/domain';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit-log.js';
import { FieldProblems, stayRefused } from '../check-ins/check-in-problems.js';
import { matchStayPin, type PinAttempt, riskContextOf } from '../check-ins/check-in-service.js';
import { addEffectRows, emptyEffectRows, stayIdentityOf } from '../escalation/effect-rows.js';
import { columnsOf, scheduleOf, stateOf } from '../escalation/stay-state.js';
import { writeTransitions } from '../escalation/transition-writer.js';
import { pinsFromInput } from './stay-input.js';
import type { StayReply } from './stay-schemas.js';
import { type CitizenRequestContext, readStayAudited, type StayDependencies } from './stay-service.js';

export type PinnedTransition =
  | { readonly type: 'pause'; readonly until: Date }
  | { readonly type: 'resume' }
  | { readonly type: 'end' };

const refusals: Record<string, string> = {
  stay_ended: 'This stay has ended.',
  pause_too_long: 'must be at most 30 days from now',
  pause_in_the_past: 'must be in the future',
  not_paused: 'This stay is not paused.',
};

/**
 * Pause, resume or end, after the PIN. With the duress PIN it happens all the same, and an urgent alert goes to the
 * embassy: whoever forced it sees it done.
 */
export async function transitionStay(
  deps: StayDependencies,
  context: CitizenRequestContext,
  stayId: string,
  pin: string,
  change: PinnedTransition,
): Promise<StayReply> {
  const action = `stay.${change.type}`;
  const attempt: PinAttempt = {
    who: { kind: 'stay', stayId, citizenId: context.citizenId },
    pin,
    sourceAddress: context.sourceAddress,
    actor: context.actor,
    requestId: context.requestId,
    action,
  };
  for (let round = 0; round < 8; round += 1) {
    const { stay, match, now } = await matchStayPin(deps, attempt);
    const schedule = scheduleOf(stay.schedule);
    const event: StayEvent =
      change.type === 'pause'
        ? { type: 'pause', at: now.getTime(), until: change.until.getTime() }
        : { type: change.type, at: now.getTime() };
    const transition = applyEvent(stateOf(stay), schedule, event);
    if ('refused' in transition) {
      const refusal = transition.refused;
      if (refusal === 'pause_too_long' || refusal === 'pause_in_the_past') {
        throw new FieldProblems([{ field: 'body/until', message: refusals[refusal] ?? 'is not allowed' }]);
      }
      throw stayRefused(refusals[refusal] ?? 'Not possible now.');
    }
    const effects: Effect[] = [...transition.effects];
    if (match === 'duress') effects.push({ type: 'urgent_alert', signal: 'duress', at: now.getTime() });
    const rows = emptyEffectRows();
    addEffectRows(rows, stayIdentityOf(stay), effects, riskContextOf(stay), { closedPeriod: transition.state.period });
    const written = await writeTransitions(deps.db, {
      stays: [
        {
          id: stayId,
          version: stay.version,
          ...columnsOf(transition.state, schedule),
          ...(change.type === 'end' && { ended_at: now }),
        },
      ],
      rows,
      audit: [{ actor: context.actor, action, resourceType: 'stay', resourceId: stayId, requestId: context.requestId }],
      now,
    });
    if (written.has(stayId)) return readStayAudited(deps, context, stayId, false);
  }
  throw new Error('stay change lost the race too many times');
}

/**
 * New PINs, after the current PIN. Typed with the duress PIN, the change happens all the same (whoever forced it
 * sees it done) and an urgent alert goes to the embassy.
 */
export async function changePins(
  deps: StayDependencies,
  context: CitizenRequestContext,
  stayId: string,
  body: { currentPin: string; pin: string; duressPin: string },
): Promise<void> {
  const { stay, match, now } = await matchStayPin(deps, {
    who: { kind: 'stay', stayId, citizenId: context.citizenId },
    pin: body.currentPin,
    sourceAddress: context.sourceAddress,
    actor: context.actor,
    requestId: context.requestId,
    action: 'stay.change_pins',
  });
  const pins = pinsFromInput(deps.keys, stayId, body.pin, body.duressPin);
  await deps.db.transaction().execute(async (trx) => {
    // Under duress the PINs change all the same (whoever forced it must see it done), and the embassy is told.
    if (match === 'duress') {
      const rows = emptyEffectRows();
      addEffectRows(
        rows,
        stayIdentityOf(stay),
        [{ type: 'urgent_alert', signal: 'duress', at: now.getTime() }],
        riskContextOf(stay),
        { closedPeriod: stay.period },
      );
      await writeTransitions(trx, {
        stays: [{ id: stayId, version: stay.version, ...columnsOf(stateOf(stay), scheduleOf(stay.schedule)) }],
        rows,
        now,
      });
    }
    await trx
      .updateTable('stay')
      .set({
        pin_key_id: pins.checkIn.keyId,
        pin_digest: pins.checkIn.digest,
        duress_pin_key_id: pins.duress.keyId,
        duress_pin_digest: pins.duress.digest,
        version: sql`version + 1`,
        updated_at: now,
      })
      .where('id', '=', stayId)
      .execute();
    await recordAudit(trx, {
      actor: context.actor,
      action: 'stay.change_pins',
      resource: { type: 'stay', id: stayId },
      outcome: 'success',
      requestId: context.requestId,
    });
  });
}
