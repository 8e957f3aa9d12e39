import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const QUESTION_KINDS = ['NPS', 'REASON', 'SUGGESTION', 'RATING'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** One question of a wave, its text stored per language code ({ en: '...', pl: '...' }). */
@Entity({ name: 'wave_questions' })
export class WaveQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'wave_id' })
  waveId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  kind: QuestionKind;

  /** For RATING questions (1–5): the criterion key answers refer to. */
  @Column({ type: 'text', nullable: true })
  criterion: string | null;

  @Column({ type: 'jsonb' })
  texts: Record<string, string>;
}
