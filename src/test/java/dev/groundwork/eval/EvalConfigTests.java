package dev.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalConfigTests {

    @Test
    void parsesANameAndSettingsWithOrWithoutThePrefix() {
        EvalConfig config = EvalConfig.parse("small=split.chunk-tokens=128, groundwork.retrieval.rrf-k=20");

        assertThat(config.name()).isEqualTo("small");
        assertThat(config.settings()).containsExactly(Map.entry("groundwork.split.chunk-tokens", "128"),
                Map.entry("groundwork.retrieval.rrf-k", "20"));
        assertThat(config.arguments()).containsExactly("--groundwork.split.chunk-tokens=128",
                "--groundwork.retrieval.rrf-k=20");
    }

    @Test
    void configurationsThatDifferOnlyAtQueryTimeShareAnIndex() {
        EvalConfig rrf = EvalConfig.parse("rrf=retrieval.fusion=rrf,index.context-boost=1");
        EvalConfig minMax = EvalConfig.parse("minmax=retrieval.fusion=min-max");
        EvalConfig small = EvalConfig.parse("small=split.chunk-tokens=128");

        assertThat(rrf.indexKey()).isEqualTo(minMax.indexKey());
        assertThat(small.indexKey()).isNotEqualTo(rrf.indexKey());
    }

    @Test
    void refusesAPairWithoutValueAndABadName() {
        assertThatThrownBy(() -> EvalConfig.parse("x=retrieval.rrf-k")).hasMessageContaining("is not key=value");
        assertThatThrownBy(() -> EvalConfig.parse("a b=retrieval.rrf-k=1")).hasMessageContaining("configuration name");
    }

    @Test
    void aMisspelledSettingIsRefusedRatherThanMeasuredAsTheDefaults() {
        KnownSettings.check(EvalConfig.parse("ok=retrieval.fusion=z-score,split.title-prefix=false,encoder.model-dir=/m"));

        assertThatThrownBy(() -> KnownSettings.check(EvalConfig.parse("typo=retrieval.fusio=z-score")))
                .hasMessageContaining("there is no setting 'groundwork.retrieval.fusio'");
    }
}
