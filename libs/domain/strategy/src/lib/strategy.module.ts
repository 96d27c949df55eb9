import { Module } from '@nestjs/common';
import { BrandVoiceReader, SqlBrandVoiceReader } from './brand-voice/brand-voice.reader';

/** Strategy: objectives, audiences, network plans, brand voice, task force, the integration roadmap. */
@Module({
  providers: [{ provide: BrandVoiceReader, useClass: SqlBrandVoiceReader }],
  exports: [BrandVoiceReader],
})
export class StrategyModule {}
