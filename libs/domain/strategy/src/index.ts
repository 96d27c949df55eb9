export { StrategyModule } from './lib/strategy.module';
export { AddressForm, BrandVoice, BrandVoiceReader } from './lib/brand-voice/brand-voice.reader';
